package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crafted event streams, as an honest or a compromised measurement JVM would send them. */
class MeasurementRecorderTest {

    private static final Metric CALLS = new Metric("calls", "calls", Metric.Kind.COUNTER, "x.Probe", "calls",
            Direction.LOWER, 0.5, Optional.of("x.Diagnostic"));
    private static final Metric KEYS = new Metric("keys", "keys", Metric.Kind.COUNTER, "x.KeysProbe", "keys",
            Direction.LOWER, 0.5, Optional.empty());
    private static final Metric THROUGHPUT = new Metric("throughput", "ops", Metric.Kind.BENCHMARK, "x.B.m", "ops/s",
            Direction.HIGHER, 2, Optional.empty());
    private static final Metric WAITED = new Metric("waited", "waited", Metric.Kind.TIMED_COUNTER, "x.WaitedProbe",
            "ns/event", Direction.LOWER, 0.01, Optional.empty());

    private final MeasurementRecorder recorder = new MeasurementRecorder(List.of(CALLS, KEYS, THROUGHPUT, WAITED), 3);

    @Test
    void warmUpSlicesAnswerCommandsButAreNotSamples() throws Exception {
        recorder.onEvent(new ChildEvent.Counted("calls", 120));
        recorder.onEvent(new ChildEvent.Sliced("throughput", true, 10.5, 11));
        recorder.onEvent(new ChildEvent.Sliced("throughput", false, 11.5, 12.5));

        assertThat(recorder.reports()).isEqualTo(3);
        assertThat(recorder.counts("calls")).containsExactly(120L);
        assertThat(recorder.samples("throughput", Measurement.Clock.WALL)).containsExactly(11.5);
        assertThat(recorder.samples("throughput", Measurement.Clock.CPU)).containsExactly(12.5);
        assertThat(recorder.awaitReports(3, System.nanoTime())).isTrue();
    }

    @Test
    void aDiagnosisFollowsTheCountAndSayingNothingLeavesNone() throws Exception {
        recorder.onEvent(new ChildEvent.Counted("calls", 7));
        assertThat(recorder.diagnostic("calls")).isEmpty();

        recorder.onEvent(new ChildEvent.Diagnosed("calls", "120 renders for 40 pages"));
        assertThat(recorder.diagnostic("calls")).hasValue("120 renders for 40 pages");

        MeasurementRecorder silent = new MeasurementRecorder(List.of(CALLS), 3);
        silent.onEvent(new ChildEvent.Counted("calls", 7));
        silent.onEvent(new ChildEvent.Diagnosed("calls", " "));
        assertThat(silent.diagnostic("calls")).isEmpty();
    }

    @Test
    void implausibleReportsStopTheChild() throws Exception {
        assertViolation(new ChildEvent.Diagnosed("calls", "before the count"), "a diagnostic nobody asked for");
        recorder.onEvent(new ChildEvent.Counted("calls", 1));
        assertViolation(new ChildEvent.Counted("calls", 2), "implausible counter");
        assertViolation(new ChildEvent.Counted("throughput", 2), "implausible counter");
        assertViolation(new ChildEvent.Counted("other", 2), "implausible counter");
        assertViolation(new ChildEvent.Counted("keys", -1), "implausible counter");
        recorder.onEvent(new ChildEvent.Counted("keys", 3));
        assertViolation(new ChildEvent.Diagnosed("keys", "made up"), "a diagnostic nobody asked for");
        recorder.onEvent(new ChildEvent.Diagnosed("calls", "once"));
        assertViolation(new ChildEvent.Diagnosed("calls", "twice"), "a diagnostic nobody asked for");
        assertViolation(new ChildEvent.Sliced("calls", false, 3.0, 3.0), "implausible benchmark sample");
        assertViolation(new ChildEvent.Sliced("other", false, 3.0, 3.0), "implausible benchmark sample");
        assertViolation(new ChildEvent.Sliced("throughput", false, 0, 1), "implausible benchmark sample");
        assertViolation(new ChildEvent.Sliced("throughput", false, -2, 1), "implausible benchmark sample");
        assertViolation(new ChildEvent.Sliced("throughput", false, Double.NaN, 1), "implausible benchmark sample");
        assertViolation(new ChildEvent.Sliced("throughput", false, 2, Double.POSITIVE_INFINITY), "implausible benchmark sample");
        assertViolation(new ChildEvent.TestStarted("[engine:junit-jupiter]"), "an event a measurement does not send");
        assertThat(recorder.counts("keys")).containsExactly(3L);
        assertThat(recorder.diagnostic("keys")).isEmpty();
        assertThat(recorder.samples("throughput", Measurement.Clock.WALL)).isEmpty();
    }

    @Test
    void aTimedCounterReportsOncePerPairUpToTheMostAskedFor() throws Exception {
        recorder.onEvent(new ChildEvent.Counted("waited", 1_500));
        recorder.onEvent(new ChildEvent.Counted("waited", 0));
        recorder.onEvent(new ChildEvent.Counted("waited", 2_100));

        assertThat(recorder.counts("waited")).containsExactly(1_500L, 0L, 2_100L);
        assertViolation(new ChildEvent.Counted("waited", 1_800), "implausible counter");
        assertViolation(new ChildEvent.Sliced("waited", false, 3.0, 3.0), "implausible benchmark sample");
    }

    @Test
    void moreSlicesThanAskedForAreRejected() throws Exception {
        for (int i = 0; i < 3; i++) {
            recorder.onEvent(new ChildEvent.Sliced("throughput", false, 1.0, 1.0));
        }
        assertViolation(new ChildEvent.Sliced("throughput", true, 1.0, 1.0), "implausible benchmark sample");
    }

    @Test
    void nothingCountsAfterDone() throws Exception {
        recorder.onEvent(new ChildEvent.Done());
        assertViolation(new ChildEvent.Sliced("throughput", false, 1.0, 1.0), "after it had finished");
        assertViolation(new ChildEvent.Done(), "after it had finished");
    }

    @Test
    void aFailureOrAnEndedJvmStopsTheWaitWithoutTheReport() throws Exception {
        recorder.onEvent(new ChildEvent.MetricFailed("throughput", "wrong page for /p/1"));
        recorder.onEvent(new ChildEvent.MetricFailed("calls", "a later failure does not replace the first"));

        assertThat(recorder.awaitReports(5, System.nanoTime() + 10_000_000_000L)).isFalse();
        assertThat(recorder.failure()).hasValue("throughput: wrong page for /p/1");

        MeasurementRecorder quiet = new MeasurementRecorder(List.of(THROUGHPUT), 3);
        quiet.ended();
        assertThat(quiet.awaitReports(1, System.nanoTime() + 10_000_000_000L)).isFalse();
        assertThat(quiet.failure()).isEmpty();
    }

    @Test
    void aCrashIsAFailure() throws Exception {
        recorder.onEvent(new ChildEvent.Crashed("java.lang.OutOfMemoryError: Java heap space"));

        assertThat(recorder.failure()).hasValue("java.lang.OutOfMemoryError: Java heap space");
        assertThat(recorder.awaitReports(1, System.nanoTime() + 10_000_000_000L)).isFalse();
    }

    @Test
    void aSliceThatNeverEndsRunsIntoTheDeadline() throws Exception {
        long start = System.nanoTime();

        assertThat(recorder.awaitReports(1, start + 200_000_000L)).isFalse();

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
    }

    private void assertViolation(ChildEvent event, String message) {
        assertThatThrownBy(() -> recorder.onEvent(event))
                .isInstanceOf(ChannelHandler.ChannelViolation.class).hasMessageContaining(message);
    }
}
