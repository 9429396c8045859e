package dev.hotpath.platform.db;

import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions, their files and reports, and the grading queue they form. Claiming and finishing
 * are conditional updates, so that several workers (even on several machines sharing one database)
 * never grade one submission at the same time nor record a verdict twice.
 */
public final class SubmissionRepository {

    /** A test a graded submission did not pass. */
    public record FailedTest(String id, String name, String status) {
    }

    /** What a learner has done on one exercise: whether any submission passed, and how many there are. */
    public record ExerciseProgress(String exerciseId, boolean passed, int submissions) {
    }

    private static final String STATUS_COLUMNS = "id, user_id, exercise_id, state, stage, stage_message, attempts,"
            + " verdict, summary, submitted_at, started_at, finished_at";

    private final Sql sql;

    public SubmissionRepository(Sql sql) {
        this.sql = sql;
    }

    /** Stores a submission and its files, queued. */
    public long insert(long userId, String exerciseId, Map<String, String> files, Instant now) {
        return sql.transaction(tx -> {
            long id = tx.insert("INSERT INTO submissions (user_id, exercise_id, state, attempts, submitted_at)"
                    + " VALUES (?, ?, 'QUEUED', 0, ?)", userId, exerciseId, now);
            int order = 0;
            for (Map.Entry<String, String> file : files.entrySet()) {
                tx.update("INSERT INTO submission_files (submission_id, file_order, path, content) VALUES (?, ?, ?, ?)",
                        id, order++, file.getKey(), file.getValue());
            }
            return id;
        });
    }

    public Optional<SubmissionStatus> find(long id) {
        return sql.one("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE id = ?", SubmissionRepository::status, id);
    }

    /** Path → content, in the exercise's order of editable files. */
    public Map<String, String> files(long id) {
        Map<String, String> files = new LinkedHashMap<>();
        sql.list("SELECT path, content FROM submission_files WHERE submission_id = ? ORDER BY file_order",
                row -> files.put(row.getString("path"), row.getString("content")), id);
        return files;
    }

    /** The grade report as JSON (docs/report-schema.md); empty until the submission is DONE. */
    public Optional<String> reportJson(long id) {
        return sql.one("SELECT report_json FROM submissions WHERE id = ? AND report_json IS NOT NULL",
                row -> row.getString("report_json"), id);
    }

    /** A learner's submissions for one exercise, newest first. */
    public List<SubmissionStatus> history(long userId, String exerciseId) {
        return sql.list("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE user_id = ? AND exercise_id = ?"
                + " ORDER BY id DESC", SubmissionRepository::status, userId, exerciseId);
    }

    /** Every submission of a learner, newest first. */
    public List<SubmissionStatus> byLearner(long userId) {
        return sql.list("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE user_id = ? ORDER BY id DESC",
                SubmissionRepository::status, userId);
    }

    public Optional<Long> latestId(long userId, String exerciseId) {
        return sql.one("SELECT MAX(id) AS id FROM submissions WHERE user_id = ? AND exercise_id = ?"
                + " HAVING MAX(id) IS NOT NULL", row -> row.getLong("id"), userId, exerciseId);
    }

    /** Per exercise the learner has submitted to: passed or not, and how often. */
    public Map<String, ExerciseProgress> progress(long userId) {
        Map<String, ExerciseProgress> progress = new LinkedHashMap<>();
        sql.list("SELECT exercise_id, COUNT(*) AS submissions,"
                        + " SUM(CASE WHEN verdict = 'PASS' THEN 1 ELSE 0 END) AS passes"
                        + " FROM submissions WHERE user_id = ? GROUP BY exercise_id",
                row -> progress.put(row.getString("exercise_id"), new ExerciseProgress(row.getString("exercise_id"),
                        row.getLong("passes") > 0, row.getInt("submissions"))), userId);
        return progress;
    }

    // ---- the queue ----

    public long countInFlight(long userId) {
        return sql.count("SELECT COUNT(*) FROM submissions WHERE user_id = ? AND state IN ('QUEUED', 'RUNNING')", userId);
    }

    public long countSubmittedSince(long userId, Instant since) {
        return sql.count("SELECT COUNT(*) FROM submissions WHERE user_id = ? AND submitted_at > ?", userId, since);
    }

    public long countQueued() {
        return sql.count("SELECT COUNT(*) FROM submissions WHERE state = 'QUEUED'");
    }

    /** How many queued submissions are ahead of this one. */
    public long queuedAhead(long id) {
        return sql.count("SELECT COUNT(*) FROM submissions WHERE state = 'QUEUED' AND id < ?", id);
    }

    /** Claims the oldest queued submission for a worker: RUNNING, one more attempt. */
    public Optional<SubmissionStatus> claimNext(Instant now) {
        while (true) {
            Optional<Long> next = sql.one("SELECT id FROM submissions WHERE state = 'QUEUED' ORDER BY id"
                    + " FETCH FIRST 1 ROWS ONLY", row -> row.getLong("id"));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            int claimed = sql.update("UPDATE submissions SET state = 'RUNNING', attempts = attempts + 1, started_at = ?,"
                    + " stage = NULL, stage_message = NULL WHERE id = ? AND state = 'QUEUED'", now, next.get());
            if (claimed == 1) {
                return find(next.get());
            }
            // Another worker claimed it between the two statements: try the next one.
        }
    }

    /** Records the stage a running grading is in, so that a page reload shows it. */
    public void progress(long id, int attempt, String stage, String message) {
        sql.update("UPDATE submissions SET stage = ?, stage_message = ? WHERE id = ? AND state = 'RUNNING' AND attempts = ?",
                stage, message, id, attempt);
    }

    /**
     * Records the verdict of the grading that claimed the submission as attempt {@code attempt}.
     *
     * @return false if that grading no longer owns it (a restart queued it again meanwhile)
     */
    public boolean finish(long id, int attempt, Verdict verdict, String summary, String reportJson,
                          List<FailedTest> failedTests, Instant now) {
        return sql.transaction(tx -> {
            int finished = tx.update("UPDATE submissions SET state = 'DONE', verdict = ?, summary = ?, report_json = ?,"
                            + " stage = NULL, stage_message = NULL, finished_at = ?"
                            + " WHERE id = ? AND state = 'RUNNING' AND attempts = ?",
                    verdict.name(), summary, reportJson, now, id, attempt);
            if (finished == 0) {
                return false;
            }
            for (FailedTest test : failedTests) {
                tx.update("INSERT INTO failed_tests (submission_id, test_id, test_name, status) VALUES (?, ?, ?, ?)",
                        id, test.id(), test.name(), test.status());
            }
            return true;
        });
    }

    /** Submissions a worker is grading, or was grading when the platform stopped. */
    public List<SubmissionStatus> running() {
        return sql.list("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE state = 'RUNNING' ORDER BY id",
                SubmissionRepository::status);
    }

    /** Puts a submission that attempt {@code attempt} did not finish back in the queue. */
    public boolean requeue(long id, int attempt) {
        return sql.update("UPDATE submissions SET state = 'QUEUED', stage = NULL, stage_message = NULL"
                + " WHERE id = ? AND state = 'RUNNING' AND attempts = ?", id, attempt) == 1;
    }

    static SubmissionStatus status(Sql.Row row) throws SQLException {
        String verdict = row.getString("verdict");
        return new SubmissionStatus(row.getLong("id"), row.getLong("user_id"), row.getString("exercise_id"),
                SubmissionState.valueOf(row.getString("state")), row.getString("stage"), row.getString("stage_message"),
                row.getInt("attempts"), verdict == null ? null : Verdict.valueOf(verdict), row.getString("summary"),
                row.getInstant("submitted_at"), row.getInstant("started_at"), row.getInstant("finished_at"));
    }
}
