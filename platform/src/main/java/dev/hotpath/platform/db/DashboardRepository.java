package dev.hotpath.platform.db;

import dev.hotpath.grader.report.Numbers;
import dev.hotpath.platform.auth.User;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What instructors see of everyone's work (per-exercise statistics, drill-downs and the CSV export) and of the
 * graders (queue length and wait, lease expiries, workers' heartbeats).
 */
public final class DashboardRepository {

    /**
     * One exercise across all learners.
     *
     * @param passRate            learners with a passing submission / learners who submitted; 0 when none did
     * @param medianAttemptsToPass over learners who passed: submissions up to and including their first pass
     */
    public record ExerciseStats(String exerciseId, int learners, int submissions, double passRate,
                                OptionalDouble medianAttemptsToPass, List<FailingTest> commonFailures) {
    }

    /** A test and how many graded submissions (and of how many learners) failed it. */
    public record FailingTest(String name, int failures, int learners) {
    }

    /** A learner's work on one exercise. */
    public record LearnerSummary(User learner, int submissions, boolean passed, Instant lastSubmittedAt) {
    }

    /** One row of the CSV export. */
    public record ExportRow(long submissionId, String email, String displayName, String exerciseId, String state,
                            String verdict, int attempts, Instant submittedAt, @Nullable Instant finishedAt, String summary) {
    }

    /** A grading process; {@code stoppedAt} is null while it runs (or until its death is noticed). */
    public record Worker(String id, String host, long pid, int slots, Instant startedAt, Instant heartbeatAt,
                         @Nullable Instant stoppedAt, int grading) {
    }

    /**
     * The queue at a glance.
     *
     * @param oldestQueuedAt when the longest-waiting queued submission was made; null when none waits
     * @param leaseExpiries  gradings lost by a worker that stopped beating, since {@code since}
     * @param remeasures     gradings that measured inconclusively and were queued again, since {@code since}
     */
    public record QueueHealth(long queued, long running, @Nullable Instant oldestQueuedAt, long leaseExpiries, long remeasures,
                              Instant since) {
    }

    private record Attempt(String exerciseId, long userId, boolean passed) {
    }

    private static final int COMMON_FAILURES_SHOWN = 3;

    private final Sql sql;

    public DashboardRepository(Sql sql) {
        this.sql = sql;
    }

    /** Statistics of every exercise in {@code exerciseIds}, in that order, including those nobody tried. */
    public List<ExerciseStats> exerciseStats(List<String> exerciseIds) {
        Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
        sql.list("SELECT exercise_id, user_id, verdict FROM submissions ORDER BY exercise_id, user_id, id",
                row -> attempts.computeIfAbsent(row.getString("exercise_id"), id -> new ArrayList<>())
                        .add(new Attempt(row.getString("exercise_id"), row.getLong("user_id"), "PASS".equals(row.getString("verdict")))));
        Map<String, List<FailingTest>> failures = commonFailures();
        return exerciseIds.stream()
                .map(id -> stats(id, attempts.getOrDefault(id, List.of()), failures.getOrDefault(id, List.of())))
                .toList();
    }

    public List<LearnerSummary> learnersOf(String exerciseId) {
        return sql.list("SELECT u.id, u.email, u.display_name, u.role, COUNT(*) AS submissions,"
                        + " SUM(CASE WHEN s.verdict = 'PASS' THEN 1 ELSE 0 END) AS passes, MAX(s.submitted_at) AS last_submitted"
                        + " FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.exercise_id = ?"
                        + " GROUP BY u.id, u.email, u.display_name, u.role ORDER BY last_submitted DESC",
                row -> new LearnerSummary(UserRepository.user(row), row.getInt("submissions"), row.getLong("passes") > 0,
                        row.getRequiredInstant("last_submitted")), exerciseId);
    }

    public List<ExportRow> export() {
        return sql.list("SELECT s.id, u.email, u.display_name, s.exercise_id, s.state, s.verdict, s.attempts,"
                        + " s.submitted_at, s.finished_at, s.summary FROM submissions s JOIN users u ON u.id = s.user_id"
                        + " ORDER BY s.id",
                row -> new ExportRow(row.getLong("id"), row.getString("email"), row.getString("display_name"),
                        row.getString("exercise_id"), row.getString("state"), row.getString("verdict"),
                        row.getInt("attempts"), row.getRequiredInstant("submitted_at"), row.getInstant("finished_at"),
                        row.getString("summary")));
    }

    private Map<String, List<FailingTest>> commonFailures() {
        Map<String, List<FailingTest>> failures = new LinkedHashMap<>();
        sql.list("SELECT s.exercise_id, f.test_name, COUNT(*) AS failures, COUNT(DISTINCT s.user_id) AS learners"
                        + " FROM failed_tests f JOIN submissions s ON s.id = f.submission_id"
                        + " GROUP BY s.exercise_id, f.test_name ORDER BY failures DESC, f.test_name",
                row -> {
                    List<FailingTest> tests = failures.computeIfAbsent(row.getString("exercise_id"), id -> new ArrayList<>());
                    if (tests.size() < COMMON_FAILURES_SHOWN) {
                        tests.add(new FailingTest(row.getString("test_name"), row.getInt("failures"), row.getInt("learners")));
                    }
                    return tests;
                });
        return failures;
    }

    /** {@code attempts} are one exercise's submissions, ordered by learner, then by time. */
    private static ExerciseStats stats(String exerciseId, List<Attempt> attempts, List<FailingTest> failures) {
        Map<Long, List<Attempt>> byLearner = new LinkedHashMap<>();
        attempts.forEach(attempt -> byLearner.computeIfAbsent(attempt.userId(), id -> new ArrayList<>()).add(attempt));
        List<Integer> attemptsToPass = new ArrayList<>();
        for (List<Attempt> learnerAttempts : byLearner.values()) {
            for (int i = 0; i < learnerAttempts.size(); i++) {
                if (learnerAttempts.get(i).passed()) {
                    attemptsToPass.add(i + 1);
                    break;
                }
            }
        }
        double passRate = byLearner.isEmpty() ? 0 : (double) attemptsToPass.size() / byLearner.size();
        return new ExerciseStats(exerciseId, byLearner.size(), attempts.size(), passRate, median(attemptsToPass), failures);
    }

    private static OptionalDouble median(List<Integer> values) {
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Numbers.median(values));
    }

    /** Workers that beat since {@code since}, newest first, with how many gradings each holds now. */
    public List<Worker> recent(Instant since) {
        return sql.list("SELECT w.*, (SELECT COUNT(*) FROM submissions s WHERE s.worker_id = w.id"
                + " AND s.state = 'RUNNING') AS grading FROM workers w"
                + " WHERE w.heartbeat_at >= ? ORDER BY w.started_at DESC", DashboardRepository::worker, since);
    }

    public QueueHealth health(Instant since) {
        return sql.one("SELECT"
                + " (SELECT COUNT(*) FROM submissions WHERE state = 'QUEUED') AS queued,"
                + " (SELECT COUNT(*) FROM submissions WHERE state = 'RUNNING') AS running,"
                + " (SELECT MIN(submitted_at) FROM submissions WHERE state = 'QUEUED') AS oldest,"
                + " (SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'LEASE_EXPIRED' AND ended_at >= ?) AS expiries,"
                + " (SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'INCONCLUSIVE' AND ended_at >= ?) AS remeasures"
                + " FROM queue_admission WHERE id = 1",
                row -> new QueueHealth(row.getLong("queued"), row.getLong("running"), row.getInstant("oldest"),
                        row.getLong("expiries"), row.getLong("remeasures"), since), since, since).orElseThrow();
    }

    private static Worker worker(Sql.Row row) throws SQLException {
        return new Worker(row.getString("id"), row.getString("host"), row.getLong("pid"), row.getInt("slots"),
                row.getRequiredInstant("started_at"), row.getRequiredInstant("heartbeat_at"), row.getInstant("stopped_at"),
                row.getInt("grading"));
    }
}
