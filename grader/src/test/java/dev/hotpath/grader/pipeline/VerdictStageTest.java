package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.exercise.ExerciseManifest;
import dev.hotpath.grader.exercise.Limits;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MeasurementConditions;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict follows the measurement's three-way outcome: only data that decide give PASS or FAIL. */
class VerdictStageTest {

    private static final Metric CALLS = new Metric("calls", "calls", Metric.Kind.COUNTER, "x.P", "calls",
            Direction.LOWER, 0.5, Optional.empty());
    private static final Metric THROUGHPUT = new Metric("throughput", "ops", Metric.Kind.BENCHMARK, "x.B.m", "ops/s",
            Direction.HIGHER, 2.4, Optional.empty());
    private static final ExerciseManifest MANIFEST = new ExerciseManifest("demo", "Demo", "lesson", "summary",
            List.of("src/main/java/demo/Slow.java"), Limits.DEFAULT, Measurement.DEFAULT, List.of(CALLS, THROUGHPUT),
            List.of(), List.of());
    private static final MeasurementConditions CONDITIONS = new MeasurementConditions(7, 5, 100, 36, 0.95, 9, 11, 0.4, 0);

    @Test
    void anUndecidedTimingMetricMakesTheVerdictInconclusive() {
        GradeReport report = graded(StageResult.Status.INCONCLUSIVE, "throughput: 2.6× [2.1–3.2] the starter",
                metric(CALLS, MetricResult.Outcome.CLEARED), metric(THROUGHPUT, MetricResult.Outcome.UNDECIDED));

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.summary()).startsWith("All tests pass, but the machine was too busy for a fair measurement")
                .contains("grade it again");
        assertThat(report.measurement()).isEqualTo(CONDITIONS);
    }

    @Test
    void aMissedMetricFailsWhateverElseIsUndecided() {
        GradeReport report = graded(StageResult.Status.FAILED, "calls: 0.9× the starter, needed at most 0.5×",
                metric(CALLS, MetricResult.Outcome.MISSED), metric(THROUGHPUT, MetricResult.Outcome.UNDECIDED));

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void everyMetricClearedPasses() {
        GradeReport report = graded(StageResult.Status.PASSED, "every metric cleared its threshold",
                metric(CALLS, MetricResult.Outcome.CLEARED), metric(THROUGHPUT, MetricResult.Outcome.CLEARED));

        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }

    private static GradeReport graded(StageResult.Status status, String message, MetricResult... metrics) {
        VerdictStage verdict = new VerdictStage(MANIFEST, true);
        verdict.compiled(new CompileStage.Result(new StageResult(Stage.COMPILE, StageResult.Status.PASSED, 1, "compiled"),
                List.of(), false));
        verdict.tested(new TestStage.Result(new StageResult(Stage.TESTS, StageResult.Status.PASSED, 1, "2 of 2 tests passed"),
                List.of(), ""));
        verdict.measured(new PerformanceStage.Result(new StageResult(Stage.PERFORMANCE, status, 1, message),
                List.of(metrics), Optional.of(CONDITIONS)));
        return verdict.report(10);
    }

    private static MetricResult metric(Metric metric, MetricResult.Outcome outcome) {
        return new MetricResult(metric.name(), metric.description(), metric.unit(), metric.direction(), 1, 2,
                2, 1.5, 2.5, 0.95, metric.threshold(), outcome, List.of(1.0), List.of(2.0), Optional.empty());
    }
}
