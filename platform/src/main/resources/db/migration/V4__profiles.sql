-- Flame graph profiles of a graded submission, beside the starter's of the same grading (issue 13).
-- One row per submission that reached the performance stage; deleted with the submission. Each
-- profile is compact JSON (dev.hotpath.grader.profile.Profile), capped at the platform's longest
-- text; one that does not fit, or a profiling run that failed, leaves JSON null and says why in problem.
CREATE TABLE submission_profiles (
    submission_id   BIGINT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    your_classes    VARCHAR(20000) NOT NULL,
    starter_json    VARCHAR(1000000),
    submission_json VARCHAR(1000000),
    problem         VARCHAR(2000) NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
