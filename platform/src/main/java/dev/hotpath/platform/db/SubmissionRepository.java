package dev.hotpath.platform.db;

import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final String STATUS_COLUMNS = "id, user_id, exercise_id, state, stage, stage_message, attempts,"
            + " inconclusive_tries,"
            + " verdict, summary, submitted_at, started_at, finished_at";

    private final Sql sql;

    public SubmissionRepository(Sql sql) {
        this.sql = sql;
    }

    /** Why {@link #admit} did not store a submission. */
    public enum Refusal {
        /** The learner has one queued or being graded. */
        IN_FLIGHT,
        /** The learner made {@code perLearnerPerMinute} submissions in the last minute. */
        TOO_FREQUENT,
        /** The queue holds {@code maxQueued} submissions. */
        QUEUE_FULL,
        /** The address has {@code perAddressInFlight} submissions queued or being graded. */
        ADDRESS_BUSY
    }

    /** A submission to store: who, from where, for which exercise, and its editable files (path → content). */
    public record NewSubmission(long userId, String clientAddress, String exerciseId, Map<String, String> files) {
    }

    /** What {@link #admit} did: stored the submission as {@code id}, or refused it. */
    public record Admission(long id, Optional<Refusal> refusal) {
    }

    /** Stores a submission and its files, queued. */
    public long insert(NewSubmission submission, Instant now) {
        return sql.transaction(tx -> insert(tx, submission, now));
    }

    /**
     * Stores a submission if the limits allow it. Checking and storing hold one lock in the database, so two
     * web nodes (or two requests on one) cannot both admit the one submission that still fits.
     */
    public Admission admit(NewSubmission submission, GradingLimits limits, Instant now) {
        return sql.transaction(tx -> {
            tx.one("SELECT id FROM queue_admission WHERE id = 1 FOR UPDATE", row -> row.getLong("id"));
            Optional<Refusal> refusal = refusal(tx, submission, limits, now);
            return new Admission(refusal.isPresent() ? 0 : insert(tx, submission, now), refusal);
        });
    }

    private static Optional<Refusal> refusal(Sql tx, NewSubmission submission, GradingLimits limits, Instant now) {
        if (tx.count("SELECT COUNT(*) FROM submissions WHERE user_id = ? AND state IN ('QUEUED', 'RUNNING')",
                submission.userId()) > 0) {
            return Optional.of(Refusal.IN_FLIGHT);
        }
        if (tx.count("SELECT COUNT(*) FROM submissions WHERE user_id = ? AND submitted_at > ?", submission.userId(),
                now.minus(RATE_WINDOW)) >= limits.perLearnerPerMinute()) {
            return Optional.of(Refusal.TOO_FREQUENT);
        }
        if (tx.count("SELECT COUNT(*) FROM submissions WHERE state = 'QUEUED'") >= limits.maxQueued()) {
            return Optional.of(Refusal.QUEUE_FULL);
        }
        if (tx.count("SELECT COUNT(*) FROM submissions WHERE client_address = ? AND state IN ('QUEUED', 'RUNNING')",
                submission.clientAddress()) >= limits.perAddressInFlight()) {
            return Optional.of(Refusal.ADDRESS_BUSY);
        }
        return Optional.empty();
    }

    private static long insert(Sql tx, NewSubmission submission, Instant now) {
        long id = tx.insert("INSERT INTO submissions (user_id, exercise_id, client_address, state, attempts, submitted_at)"
                + " VALUES (?, ?, ?, 'QUEUED', 0, ?)", submission.userId(), submission.exerciseId(),
                submission.clientAddress(), now);
        int order = 0;
        for (Map.Entry<String, String> file : submission.files().entrySet()) {
            tx.update("INSERT INTO submission_files (submission_id, file_order, path, content) VALUES (?, ?, ?, ?)",
                    id, order++, file.getKey(), file.getValue());
        }
        return id;
    }

    public Optional<SubmissionStatus> find(long id) {
        return sql.one("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE id = ?", SubmissionRepository::status, id);
    }

    /** The status of each of {@code ids} that exists, in no particular order. */
    public List<SubmissionStatus> findAll(Collection<Long> ids) {
        List<SubmissionStatus> found = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        // In chunks, so that a node with thousands of followers sends statements of a sane size.
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            found.addAll(sql.list("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    SubmissionRepository::status, chunk.toArray()));
        }
        return found;
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

    /**
     * How long the latest gradings of an exercise took, newest first, in milliseconds: from a worker taking
     * the submission to its verdict (attempts that ended in a verdict; queueing and re-measurements apart).
     */
    public List<Long> recentGradingMillis(String exerciseId, int limit) {
        return sql.list("SELECT a.started_at, a.ended_at FROM grading_attempts a JOIN submissions s ON s.id = a.submission_id"
                        + " WHERE s.exercise_id = ? AND a.outcome = 'VERDICT' ORDER BY a.ended_at DESC FETCH FIRST " + limit
                        + " ROWS ONLY",
                row -> Duration.between(row.getInstant("started_at"), row.getInstant("ended_at")).toMillis(), exerciseId);
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

    /** A RUNNING submission whose worker stopped renewing its lease. */
    public record ExpiredLease(long id, int attempts, int remeasures, String exerciseId, String workerId) {

        /** Claims that ended without a verdict or a re-measurement: the worker died or stopped. */
        public int interruptions() {
            return attempts - remeasures;
        }
    }

    public long countQueued() {
        return sql.count("SELECT COUNT(*) FROM submissions WHERE state = 'QUEUED'");
    }

    /** How many queued submissions are ahead of this one. */
    public long queuedAhead(long id) {
        return sql.count("SELECT COUNT(*) FROM submissions WHERE state = 'QUEUED' AND id < ?", id);
    }

    /**
     * Claims the next queued submission for worker {@code workerId} on {@code host}: RUNNING, one more attempt,
     * leased until {@code leaseUntil}. Fair across addresses: a submission goes before those that have more
     * submissions from their own address ahead of them, so a flood from one address cannot starve the others.
     * The claim is a conditional update, so two workers never take one submission (on H2 and PostgreSQL alike).
     */
    public Optional<SubmissionStatus> claimNext(String workerId, String host, Instant leaseUntil, Instant now) {
        while (true) {
            List<Long> candidates = sql.list("SELECT s.id FROM submissions s"
                    + " WHERE s.state = 'QUEUED' AND (s.not_before IS NULL OR s.not_before <= ?)"
                    + " ORDER BY (SELECT COUNT(*) FROM submissions o WHERE o.client_address = s.client_address"
                    + " AND o.state IN ('QUEUED', 'RUNNING') AND o.id < s.id), s.id"
                    + " FETCH FIRST 5 ROWS ONLY", row -> row.getLong("id"), now);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long id : candidates) {
                Optional<SubmissionStatus> claimed = sql.transaction(tx -> {
                    int updated = tx.update("UPDATE submissions SET state = 'RUNNING', attempts = attempts + 1,"
                            + " started_at = ?, stage = NULL, stage_message = NULL, worker_id = ?, lease_expires_at = ?,"
                            + " not_before = NULL WHERE id = ? AND state = 'QUEUED'", now, workerId, leaseUntil, id);
                    if (updated == 0) {
                        return Optional.empty(); // another worker claimed it first
                    }
                    SubmissionStatus status = tx.one("SELECT " + STATUS_COLUMNS + " FROM submissions WHERE id = ?",
                            SubmissionRepository::status, id).orElseThrow();
                    tx.update("INSERT INTO grading_attempts (submission_id, attempt, worker_id, host, started_at)"
                            + " VALUES (?, ?, ?, ?, ?)", id, status.attempts(), workerId, host, now);
                    return Optional.of(status);
                });
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
        }
    }

    /** Records the stage a running grading is in, so that a page reload (on any web node) shows it. */
    public void progress(long id, int attempt, String stage, String message) {
        sql.update("UPDATE submissions SET stage = ?, stage_message = ? WHERE id = ? AND state = 'RUNNING' AND attempts = ?",
                stage, message, id, attempt);
    }

    /** Records when attempt {@code attempt} started or ended measuring, so that overlaps on a host can be seen. */
    public void measurement(long id, int attempt, boolean started, Instant now) {
        sql.update("UPDATE grading_attempts SET " + (started ? "measure_started_at" : "measure_ended_at") + " = ?"
                + " WHERE submission_id = ? AND attempt = ?", now, id, attempt);
    }

    /** Extends the leases of everything {@code workerId} is grading, and records its heartbeat. */
    public void heartbeat(String workerId, Instant leaseUntil, Instant now) {
        sql.update("UPDATE workers SET heartbeat_at = ? WHERE id = ?", now, workerId);
        sql.update("UPDATE submissions SET lease_expires_at = ? WHERE worker_id = ? AND state = 'RUNNING'",
                leaseUntil, workerId);
    }

    /**
     * Records the verdict of the grading that claimed the submission as attempt {@code attempt}.
     *
     * @return false if that grading no longer owns it (its lease expired and it was queued again meanwhile)
     */
    public boolean finish(long id, int attempt, Verdict verdict, String summary, String reportJson,
                          List<FailedTest> failedTests, Instant now) {
        return finish(id, attempt, verdict, summary, reportJson, failedTests, "VERDICT", now);
    }

    private boolean finish(long id, int attempt, Verdict verdict, String summary, String reportJson,
                           List<FailedTest> failedTests, String outcome, Instant now) {
        return sql.transaction(tx -> {
            int finished = tx.update("UPDATE submissions SET state = 'DONE', verdict = ?, summary = ?, report_json = ?,"
                            + " stage = NULL, stage_message = NULL, finished_at = ?, worker_id = NULL, lease_expires_at = NULL"
                            + " WHERE id = ? AND state = 'RUNNING' AND attempts = ?",
                    verdict.name(), summary, reportJson, now, id, attempt);
            if (finished == 0) {
                return false;
            }
            for (FailedTest test : failedTests) {
                tx.update("INSERT INTO failed_tests (submission_id, test_id, test_name, status) VALUES (?, ?, ?, ?)",
                        id, test.id(), test.name(), test.status());
            }
            endAttempt(tx, id, attempt, outcome, now);
            return true;
        });
    }

    /**
     * Queues the submission again after attempt {@code attempt} measured inconclusively, not to be claimed
     * before {@code notBefore}.
     *
     * @return false if that attempt no longer owns it
     */
    public boolean remeasure(long id, int attempt, Instant notBefore, String message, Instant now) {
        return sql.transaction(tx -> {
            int queued = tx.update("UPDATE submissions SET state = 'QUEUED', stage = NULL, stage_message = ?,"
                    + " inconclusive_tries = inconclusive_tries + 1, not_before = ?, worker_id = NULL,"
                    + " lease_expires_at = NULL WHERE id = ? AND state = 'RUNNING' AND attempts = ?",
                    message, notBefore, id, attempt);
            if (queued == 1) {
                endAttempt(tx, id, attempt, "INCONCLUSIVE", now);
            }
            return queued == 1;
        });
    }

    /** RUNNING submissions whose lease ran out before {@code now}: their worker died, hung or lost the database. */
    public List<ExpiredLease> expiredLeases(Instant now) {
        return sql.list("SELECT id, attempts, inconclusive_tries, exercise_id, worker_id FROM submissions"
                        + " WHERE state = 'RUNNING' AND lease_expires_at < ? ORDER BY id",
                row -> new ExpiredLease(row.getLong("id"), row.getInt("attempts"), row.getInt("inconclusive_tries"),
                        row.getString("exercise_id"), row.getString("worker_id")), now);
    }

    /**
     * Puts a submission whose lease expired back in the queue, unless its worker renewed the lease meanwhile
     * or another process recovered it first.
     */
    public boolean requeueExpired(ExpiredLease lease, Instant now) {
        return sql.transaction(tx -> {
            int queued = tx.update("UPDATE submissions SET state = 'QUEUED', stage = NULL, stage_message = NULL,"
                    + " worker_id = NULL, lease_expires_at = NULL"
                    + " WHERE id = ? AND state = 'RUNNING' AND attempts = ? AND lease_expires_at < ?",
                    lease.id(), lease.attempts(), now);
            if (queued == 1) {
                endAttempt(tx, lease.id(), lease.attempts(), "LEASE_EXPIRED", now);
            }
            return queued == 1;
        });
    }

    /** Records an ERROR for a submission interrupted too often, if its lease is still expired. */
    public boolean giveUp(ExpiredLease lease, String summary, String reportJson, Instant now) {
        return sql.transaction(tx -> {
            int stillExpired = tx.update("UPDATE submissions SET lease_expires_at = lease_expires_at"
                    + " WHERE id = ? AND state = 'RUNNING' AND attempts = ? AND lease_expires_at < ?",
                    lease.id(), lease.attempts(), now);
            return stillExpired == 1;
        }) && finish(lease.id(), lease.attempts(), Verdict.ERROR, summary, reportJson, List.of(), "GIVEN_UP", now);
    }

    /** Puts back in the queue, at once, what {@code workerId} was grading when it stopped. */
    public int release(String workerId, Instant now) {
        return sql.transaction(tx -> {
            List<long[]> owned = tx.list("SELECT id, attempts FROM submissions WHERE worker_id = ? AND state = 'RUNNING'",
                    row -> new long[] {row.getLong("id"), row.getLong("attempts")}, workerId);
            for (long[] submission : owned) {
                tx.update("UPDATE submissions SET state = 'QUEUED', stage = NULL, stage_message = NULL, worker_id = NULL,"
                        + " lease_expires_at = NULL WHERE id = ? AND state = 'RUNNING' AND attempts = ?",
                        submission[0], submission[1]);
                endAttempt(tx, submission[0], (int) submission[1], "RELEASED", now);
            }
            return owned.size();
        });
    }

    /**
     * Closes attempt {@code attempt}'s record. A measurement its worker was still running ends now, except after a
     * lease expired: that worker died at an unknown time since its last heartbeat, so the end stays unknown (NULL).
     */
    private static void endAttempt(Sql tx, long id, int attempt, String outcome, Instant now) {
        Instant measureEnd = outcome.equals("LEASE_EXPIRED") ? null : now;
        tx.update("UPDATE grading_attempts SET outcome = ?, ended_at = ?,"
                + " measure_ended_at = CASE WHEN measure_started_at IS NOT NULL AND measure_ended_at IS NULL"
                + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE measure_ended_at END"
                + " WHERE submission_id = ? AND attempt = ?", outcome, now, measureEnd, id, attempt);
    }

    static SubmissionStatus status(Sql.Row row) throws SQLException {
        String verdict = row.getString("verdict");
        return new SubmissionStatus(row.getLong("id"), row.getLong("user_id"), row.getString("exercise_id"),
                SubmissionState.valueOf(row.getString("state")), row.getString("stage"), row.getString("stage_message"),
                row.getInt("attempts"), row.getInt("inconclusive_tries"), verdict == null ? null : Verdict.valueOf(verdict), row.getString("summary"),
                row.getRequiredInstant("submitted_at"), row.getInstant("started_at"), row.getInstant("finished_at"));
    }
}
