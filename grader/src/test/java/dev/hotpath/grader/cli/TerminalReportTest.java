package dev.hotpath.grader.cli;

import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;
import dev.hotpath.grader.report.Verdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The learner's report at the terminal: the verdict leads, what fell short follows, passing tests are a count. */
class TerminalReportTest {

    @Test
    void aMissedMetricLeadsWithTheVerdictShowsPerformanceBeforeTheCollapsedTestsAndPointsToTheProfile() {
        String text = print(report(Verdict.FAIL, "All tests pass, but origin-calls fell short.", tests(21, 0), List.of(),
                List.of(metric("origin-calls", Direction.LOWER, 0.6, 0.4, MetricResult.Outcome.MISSED),
                        metric("throughput", Direction.HIGHER, 7, 2.4, MetricResult.Outcome.CLEARED))));

        assertThat(firstLine(text)).isEqualTo("FAIL — All tests pass, but origin-calls fell short.");
        assertThat(text).doesNotContain("PASSED").contains("21 tests passed.");
        assertThat(text.indexOf("Performance")).isLessThan(text.indexOf("21 tests passed"));
        assertThat(text).contains("origin-calls: 1.67× fewer than the starter, needs 2.5× (short)")
                .contains("java -jar grader/target/grader.jar profile --exercise exercises/cache-key-explosion");
        assertThat(text).as("a cleared metric has no line under it").doesNotContain("throughput: 7×");
    }

    @Test
    void failingTestsComeFirstWithTheirMessagesAndThePassingOnesAsACount() {
        List<TestResult> tests = tests(19, 2);
        String text = print(report(Verdict.FAIL, "Not correct yet: 19 of 21 tests passed.", tests, List.of(), List.of()));

        assertThat(firstLine(text)).isEqualTo("FAIL — Not correct yet: 19 of 21 tests passed.");
        assertThat(text).contains("Tests that did not pass (2 of 21):", "FAILED    [hidden] test 19", "expected 1 but was 2",
                "and 19 tests passed.");
        assertThat(text).doesNotContain("test 0", "PASSED", "profile --exercise");
        assertThat(text.indexOf("Tests that did not pass")).isLessThan(text.indexOf("Stages:"));
    }

    @Test
    void compileErrorsFollowTheVerdictAtOnce() {
        String text = print(report(Verdict.FAIL, "Your code does not compile: 1 error.", List.of(),
                List.of(new CompileError("src/main/java/A.java", 3, 5, "';' expected")), List.of()));

        assertThat(text.lines().filter(line -> !line.isBlank()).limit(4).toList()).containsExactly(
                "FAIL — Your code does not compile: 1 error.",
                "  cache-key-explosion, graded in 1.5 s",
                "Compile errors:",
                "  src/main/java/A.java:3:5: ';' expected");
    }

    @Test
    void anUndecidedMetricSaysSoWithoutSendingTheLearnerToTheProfile() {
        String text = print(report(Verdict.INCONCLUSIVE, "The machine was too busy: grade again.", tests(5, 0), List.of(),
                List.of(metric("throughput", Direction.HIGHER, 2.3, 2.4, MetricResult.Outcome.UNDECIDED))));

        assertThat(firstLine(text)).startsWith("INCONCLUSIVE — ");
        assertThat(text).contains("throughput: 2.3× more than the starter, needs 2.4× (undecided")
                .doesNotContain("profile --exercise");
    }

    @Test
    void largeMediansAreWholeWithSeparatorsAndSmallOnesKeepThreeDigits() {
        MetricResult waited = new MetricResult("waited-time", "waited", "ns/event", Direction.LOWER, 15_448_123.5, 2_736.5,
                0.000177, 0.0000951, 0.000779, 0.95, 0.005, MetricResult.Outcome.CLEARED, List.of(), List.of(),
                Optional.empty());
        String text = print(report(Verdict.PASS, "Every metric cleared its threshold.", tests(5, 0), List.of(),
                List.of(waited, new MetricResult("latency", "latency", "ms", Direction.LOWER, 1.23456, 0.61728, 0.5, 0.5,
                        0.5, 1, 0.6, MetricResult.Outcome.CLEARED, List.of(), List.of(), Optional.empty()))));

        assertThat(text).contains("15,448,124", "2,737", "1.23", "0.617").doesNotContain("15448123.5");
    }

    private static String firstLine(String text) {
        return text.lines().filter(line -> !line.isBlank()).findFirst().orElseThrow();
    }

    @Test
    void aMissedCounterWithADiagnosticSaysWhyUnderItsShortfall() {
        MetricResult diagnosed = metric("origin-calls", Direction.LOWER, 0.6, 0.4, MetricResult.Outcome.MISSED)
                .withDiagnostic(Optional.of("your cache made 29,002 different keys for 3,837 different pages"));
        String text = print(report(Verdict.FAIL, "All tests pass, but origin-calls fell short.", tests(3, 0), List.of(),
                List.of(diagnosed)));

        assertThat(text).containsSubsequence("origin-calls: 1.67× fewer than the starter, needs 2.5× (short)",
                "↳ your cache made 29,002 different keys for 3,837 different pages");
    }

    private static String print(GradeReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalReport.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static GradeReport report(Verdict verdict, String summary, List<TestResult> tests, List<CompileError> errors,
                                      List<MetricResult> performance) {
        return new GradeReport(GradeReport.SCHEMA, "cache-key-explosion", verdict, summary, true, 1_500,
                List.of(new StageResult(Stage.COMPILE, StageResult.Status.PASSED, 500, "compiled")), errors, tests, performance,
                "", "", null);
    }

    /** {@code passing} passed visible tests, then {@code failing} failed hidden ones. */
    private static List<TestResult> tests(int passing, int failing) {
        List<TestResult> tests = new ArrayList<>();
        IntStream.range(0, passing + failing).forEach(i -> tests.add(new TestResult("id" + i, "x.T", "t" + i, "test " + i,
                i >= passing, i < passing ? TestResult.Status.PASSED : TestResult.Status.FAILED,
                i < passing ? "" : "expected 1 but was 2", 3)));
        return tests;
    }

    private static MetricResult metric(String name, Direction direction, double ratio, double threshold,
                                       MetricResult.Outcome outcome) {
        return new MetricResult(name, name, "units", direction, 100, 100 * ratio, ratio, ratio, ratio, 1, threshold, outcome,
                List.of(100.0), List.of(100 * ratio), Optional.empty());
    }
}
