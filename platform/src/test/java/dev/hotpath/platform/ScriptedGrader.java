package dev.hotpath.platform;

import dev.hotpath.grader.Graded;
import dev.hotpath.grader.ProgressEvent;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.ValidationReport;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.profile.FlameGraph;
import dev.hotpath.grader.profile.Profile;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileView;
import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MeasurementConditions;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.platform.grading.GradeFunction;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A grader for tests of everything around grading: it reports progress through every stage like the
 * real one, then returns the report the submitted code asks for with a marker comment
 * ({@code // grade: FAIL_TESTS}, …; PASS otherwise). While {@link #hold()} is in effect, gradings
 * wait in the tests stage until {@link #release()}.
 */
public final class ScriptedGrader implements GradeFunction {

    /** The reports a submission can ask for. */
    public enum Outcome { PASS, FAIL_TESTS, FAIL_COMPILE, FAIL_PERFORMANCE, INCONCLUSIVE }

    /** A test message and output that would run script if a page did not escape them. */
    public static final String HOSTILE = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    /** The profiles of every submission that reaches the performance stage: the origin's render moved to the cache. */
    public static final ProfileComparison PROFILE = ProfileComparison.of("cache-key-explosion",
            List.of("dev.hotpath.cachekey.PageCache"), profile(90), profile(10));

    private final Map<String, AtomicInteger> gradings = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public static String marker(Outcome outcome) {
        return "// grade: " + outcome.name() + "\n";
    }

    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** How often code containing {@code text} was graded. */
    public int gradingsOf(String text) {
        return gradings.getOrDefault(text, new AtomicInteger()).get();
    }

    @Override
    public Graded grade(Exercise exercise, Submission submission, ProgressListener listener) {
        GradeReport report = report(exercise, submission, listener);
        boolean measured = !report.performance().isEmpty();
        return new Graded(report, measured ? Optional.of(PROFILE) : Optional.empty(), "");
    }

    private GradeReport report(Exercise exercise, Submission submission, ProgressListener listener) {
        String code = String.join("\n", submission.files().values());
        code.lines().filter(line -> line.startsWith("// id: "))
                .forEach(line -> gradings.computeIfAbsent(line, key -> new AtomicInteger()).incrementAndGet());
        Outcome outcome = outcome(code);
        event(listener, Stage.COMPILE, ProgressEvent.Phase.STARTED, "");
        event(listener, Stage.COMPILE, ProgressEvent.Phase.FINISHED, "compiled");
        if (outcome == Outcome.FAIL_COMPILE) {
            return report(exercise, Verdict.FAIL, "Your code does not compile: 1 error.", outcome);
        }
        event(listener, Stage.POLICY, ProgressEvent.Phase.STARTED, "");
        event(listener, Stage.POLICY, ProgressEvent.Phase.FINISHED, "uses only what graded code may");
        event(listener, Stage.TESTS, ProgressEvent.Phase.STARTED, "");
        event(listener, Stage.TESTS, ProgressEvent.Phase.UPDATE, "1 of 2 tests done");
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a test held the scripted grader for 30 s and never released it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        event(listener, Stage.TESTS, ProgressEvent.Phase.FINISHED, "2 of 2 tests passed");
        if (outcome == Outcome.INCONCLUSIVE) {
            event(listener, Stage.PERFORMANCE, ProgressEvent.Phase.STARTED, "");
            event(listener, Stage.PERFORMANCE, ProgressEvent.Phase.FINISHED, "the interval straddles the threshold");
        }
        return switch (outcome) {
            case INCONCLUSIVE -> report(exercise, Verdict.INCONCLUSIVE, "The machine was too busy for a fair"
                    + " measurement: the interval straddles the threshold.", outcome);
            case FAIL_TESTS -> report(exercise, Verdict.FAIL, "Not correct yet: 1 of 2 tests passed.", outcome);
            case FAIL_PERFORMANCE -> report(exercise, Verdict.FAIL,
                    "All tests pass, but the performance did not shift enough: origin-calls short.", outcome);
            default -> report(exercise, Verdict.PASS, "All tests pass and every metric cleared its threshold.", outcome);
        };
    }

    /** A validator that reports every check passed, with numbers, without grading anything. */
    public static ValidationReport validate(Exercise exercise) {
        return new ValidationReport(exercise.id(), List.of(
                new ValidationReport.Check("starter", "passes every test", true, "21 of 21 tests passed"),
                new ValidationReport.Check("solution", "passes (correct and fast)", true,
                        "origin-calls: starter 3.1e+04, submission 4017 calls, ratio 0.131")));
    }

    /** CPU: {@code render} percent of the samples in the origin's render, the rest in the cache's lookup. */
    private static Profile profile(long render) {
        List<String> frames = List.of("dev.hotpath.cachekey.PageCacheBenchmark.serveRequests",
                "dev.hotpath.cachekey.PageCache.get", "dev.hotpath.cachekey.origin.Origin.render", "java.util.HashMap.get");
        FlameGraph cpu = new FlameGraph(ProfileView.CPU, 100, 0, frames, List.of(
                new FlameGraph.Stack(List.of(0, 1, 2), render), new FlameGraph.Stack(List.of(0, 1, 3), 100 - render)));
        return new Profile(2_000, 50_000, List.of(cpu, new FlameGraph(ProfileView.ALLOCATION, 0, 0, List.of(), List.of()),
                new FlameGraph(ProfileView.WAITING, 0, 0, List.of(), List.of())));
    }

    private static Outcome outcome(String code) {
        for (Outcome outcome : Outcome.values()) {
            if (code.contains(marker(outcome))) {
                return outcome;
            }
        }
        return Outcome.PASS;
    }

    private static void event(ProgressListener listener, Stage stage, ProgressEvent.Phase phase, String message) {
        StageResult result = phase == ProgressEvent.Phase.FINISHED
                ? new StageResult(stage, StageResult.Status.PASSED, 1, message) : null;
        listener.progress(new ProgressEvent(stage.id(), phase, message, 0, result));
    }

    private static GradeReport report(Exercise exercise, Verdict verdict, String summary, Outcome outcome) {
        boolean testsFail = outcome == Outcome.FAIL_TESTS;
        boolean compiled = outcome != Outcome.FAIL_COMPILE;
        boolean measured = outcome == Outcome.PASS || outcome == Outcome.FAIL_PERFORMANCE || outcome == Outcome.INCONCLUSIVE;
        List<StageResult> stages = List.of(
                new StageResult(Stage.COMPILE, compiled ? StageResult.Status.PASSED : StageResult.Status.FAILED, 5,
                        compiled ? "compiled" : "1 error"),
                compiled ? new StageResult(Stage.POLICY, StageResult.Status.PASSED, 1, "uses only what graded code may")
                        : StageResult.skipped(Stage.POLICY, "not run"),
                compiled ? new StageResult(Stage.TESTS, testsFail ? StageResult.Status.FAILED : StageResult.Status.PASSED, 20,
                        testsFail ? "1 of 2 tests passed" : "2 of 2 tests passed") : StageResult.skipped(Stage.TESTS, "not run"),
                measured ? new StageResult(Stage.PERFORMANCE, outcome == Outcome.PASS ? StageResult.Status.PASSED
                        : StageResult.Status.FAILED, 900, "measured") : StageResult.skipped(Stage.PERFORMANCE, "not run"));
        List<TestResult> tests = compiled ? List.of(
                new TestResult("[engine:junit-jupiter]/[class:x.CacheKeyTest]/[method:currencyMatters()]", "x.CacheKeyTest",
                        "currencyMatters", "Cache keys › currency changes the page", true,
                        testsFail ? TestResult.Status.FAILED : TestResult.Status.PASSED, testsFail ? HOSTILE : "", 3),
                new TestResult("[engine:junit-jupiter]/[class:x.PageCacheTest]/[method:servesPages()]", "x.PageCacheTest",
                        "servesPages", "Page cache › serves pages", false, TestResult.Status.PASSED, "", 2)) : List.of();
        List<MetricResult> performance = measured ? List.of(
                new MetricResult("origin-calls", "Origin renders", "calls", Direction.LOWER, 30_000, outcome == Outcome.PASS ? 4_000 : 20_000,
                        outcome == Outcome.PASS ? 0.1333 : 0.6667, outcome == Outcome.PASS ? 0.1333 : 0.6667,
                        outcome == Outcome.PASS ? 0.1333 : 0.6667, 1, 0.4,
                        outcome == Outcome.PASS ? MetricResult.Outcome.CLEARED : MetricResult.Outcome.MISSED,
                        List.of(30_000.0), List.of(4_000.0), outcome == Outcome.FAIL_PERFORMANCE
                                ? Optional.of("your cache made 19,804 different keys for 3,837 different pages " + HOSTILE)
                                : Optional.empty()),
                new MetricResult("throughput", "Requests per second", "requests/s", Direction.HIGHER, 1_000, 7_000, 7.0, 6.2, 7.9, 0.95, 2.4,
                        MetricResult.Outcome.CLEARED, List.of(1_000.0), List.of(7_000.0), Optional.empty())) : List.of();
        List<dev.hotpath.grader.report.CompileError> errors = compiled ? List.of()
                : List.of(new dev.hotpath.grader.report.CompileError(exercise.manifest().editable().get(0), 3, 5,
                "';' expected near " + HOSTILE));
        return new GradeReport(GradeReport.SCHEMA, exercise.id(), verdict, summary, true, 1_000, stages, errors, tests,
                performance, testsFail ? "printed " + HOSTILE : "", testsFail ? "Read the origin's URL rules again." : "",
                measured ? new MeasurementConditions(7, 5, 100, 10, 0.95, 0.4, 0.6, 0.02, 0) : null);
    }
}
