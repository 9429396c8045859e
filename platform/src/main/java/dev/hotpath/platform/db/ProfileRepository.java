package dev.hotpath.platform.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hotpath.grader.profile.Profile;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileJson;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The profiles of graded submissions (V4__profiles.sql): the submission's and the starter's, stored
 * with the submission and deleted with it. A profile larger than {@link #MAX_PROFILE_CHARS} is not
 * kept; the row says so instead, and the page shows that sentence.
 */
public final class ProfileRepository {

    /** What a stored profile may take: the column's size. A typical profile is 20–200 kB. */
    public static final int MAX_PROFILE_CHARS = 1_000_000;
    private static final int MAX_PROBLEM_CHARS = 2000;
    private static final int MAX_CLASSES_CHARS = 20_000;

    /** What is stored for one submission: its profiles, or why there are none. */
    public record Stored(Optional<ProfileComparison> comparison, String problem) {
    }

    private final Sql sql;

    public ProfileRepository(Sql sql) {
        this.sql = sql;
    }

    /** Stores the profiles of a graded submission, replacing any earlier ones (a retried grading). */
    public void store(long submissionId, Optional<ProfileComparison> comparison, String problem, Instant now) {
        String starter = comparison.map(c -> ProfileJson.write(c.starter())).orElse(null);
        String submission = comparison.map(c -> ProfileJson.write(c.submission())).orElse(null);
        String classes = comparison.map(c -> String.join(",", c.yourClasses())).orElse("");
        if (starter != null && submission != null && (starter.length() > MAX_PROFILE_CHARS
                || submission.length() > MAX_PROFILE_CHARS || classes.length() > MAX_CLASSES_CHARS)) {
            problem = "the profiles were too large to keep (" + Math.max(starter.length(), submission.length())
                    + " characters; at most " + MAX_PROFILE_CHARS + ")";
            starter = null;
            submission = null;
            classes = "";
        }
        String why = problem.length() > MAX_PROBLEM_CHARS ? problem.substring(0, MAX_PROBLEM_CHARS - 1) + "…" : problem;
        String starterJson = starter;
        String submissionJson = submission;
        String yourClasses = classes;
        sql.transaction(tx -> {
            tx.update("DELETE FROM submission_profiles WHERE submission_id = ?", submissionId);
            return tx.update("INSERT INTO submission_profiles (submission_id, your_classes, starter_json, submission_json,"
                    + " problem, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", submissionId, yourClasses, starterJson, submissionJson,
                    why, now);
        });
    }

    /** Whether a submission has profiles: empty if nothing was stored, "" if they are there, else why they are not. */
    public Optional<String> problem(long submissionId) {
        return sql.one("SELECT problem, starter_json IS NOT NULL AS kept FROM submission_profiles WHERE submission_id = ?",
                row -> row.getBoolean("kept") ? "" : row.getString("problem"), submissionId);
    }

    /** The stored profiles of a submission, with "what changed" worked out again; empty if none were stored. */
    public Optional<Stored> find(long submissionId, String exerciseId) {
        return sql.one("SELECT your_classes, starter_json, submission_json, problem FROM submission_profiles"
                + " WHERE submission_id = ?", row -> {
            String starter = row.getString("starter_json");
            String submission = row.getString("submission_json");
            if (starter == null || submission == null) {
                return new Stored(Optional.empty(), row.getString("problem"));
            }
            String classes = row.getString("your_classes");
            List<String> yourClasses = classes.isEmpty() ? List.of() : Arrays.asList(classes.split(","));
            return new Stored(Optional.of(ProfileComparison.of(exerciseId, yourClasses, read(starter, submissionId),
                    read(submission, submissionId))), row.getString("problem"));
        }, submissionId);
    }

    private static Profile read(String json, long submissionId) {
        try {
            return ProfileJson.readProfile(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored profile of submission " + submissionId + " is not readable", e);
        }
    }
}
