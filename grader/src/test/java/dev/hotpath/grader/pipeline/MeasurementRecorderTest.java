package dev.hotpath.grader.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crafted event streams, as an honest or a compromised measurement JVM would send them. */
class MeasurementRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Metric CALLS = new Metric("calls", "calls", Metric.Kind.COUNTER, "x.Probe", "calls",
            Metric.Direction.LOWER, 0.5);
    private static final Metric THROUGHPUT = new Metric("throughput", "ops", Metric.Kind.BENCHMARK, "x.B.m", "ops/s",
            Metric.Direction.HIGHER, 2);

    private final MeasurementRecorder recorder = new MeasurementRecorder(List.of(CALLS, THROUGHPUT), 3);

    @Test
    void warmUpSlicesAnswerCommandsButAreNotSamples() throws Exception {
        recorder.onEvent(event("{\"event\":\"counter\",\"metric\":\"calls\",\"value\":120}"));
        recorder.onEvent(event("{\"event\":\"warmed\",\"metric\":\"throughput\",\"value\":10.5,\"perCpu\":11}"));
        recorder.onEvent(event("{\"event\":\"sample\",\"metric\":\"throughput\",\"value\":11.5,\"perCpu\":12.5}"));

        assertThat(recorder.reports()).isEqualTo(3);
        assertThat(recorder.counter("calls")).hasValue(120L);
        assertThat(recorder.samples("throughput", Measurement.Clock.WALL)).containsExactly(11.5);
        assertThat(recorder.samples("throughput", Measurement.Clock.CPU)).containsExactly(12.5);
        assertThat(recorder.awaitReports(3, System.nanoTime())).isTrue();
    }

    @Test
    void implausibleReportsStopTheChild() throws Exception {
        recorder.onEvent(event("{\"event\":\"counter\",\"metric\":\"calls\",\"value\":1}"));
        assertViolation("{\"event\":\"counter\",\"metric\":\"calls\",\"value\":2}", "implausible counter");
        assertViolation("{\"event\":\"counter\",\"metric\":\"throughput\",\"value\":2}", "implausible counter");
        assertViolation("{\"event\":\"counter\",\"metric\":\"other\",\"value\":-1}", "implausible counter");
        assertViolation("{\"event\":\"sample\",\"metric\":\"calls\",\"value\":3.0,\"perCpu\":3.0}", "implausible benchmark sample");
        assertViolation("{\"event\":\"sample\",\"metric\":\"throughput\",\"value\":0,\"perCpu\":1}", "implausible benchmark sample");
        assertViolation("{\"event\":\"sample\",\"metric\":\"throughput\",\"value\":\"9\",\"perCpu\":9}", "implausible benchmark sample");
        assertViolation("{\"event\":\"sample\",\"metric\":\"throughput\",\"value\":2.0}", "implausible benchmark sample");
        assertViolation("{\"event\":\"verdict\",\"value\":\"PASS\"}", "unknown event: verdict");
    }

    @Test
    void moreSlicesThanAskedForAreRejected() throws Exception {
        for (int i = 0; i < 3; i++) {
            recorder.onEvent(event("{\"event\":\"sample\",\"metric\":\"throughput\",\"value\":1.0,\"perCpu\":1.0}"));
        }
        assertViolation("{\"event\":\"warmed\",\"metric\":\"throughput\",\"value\":1.0,\"perCpu\":1.0}", "implausible benchmark sample");
    }

    @Test
    void nothingCountsAfterDone() throws Exception {
        recorder.onEvent(event("{\"event\":\"done\"}"));
        assertViolation("{\"event\":\"sample\",\"metric\":\"throughput\",\"value\":1.0,\"perCpu\":1.0}", "after it had finished");
    }

    @Test
    void aFailureOrAnEndedJvmStopsTheWaitWithoutTheReport() throws Exception {
        recorder.onEvent(event("{\"event\":\"failed\",\"metric\":\"throughput\",\"message\":\"wrong page for /p/1\"}"));

        assertThat(recorder.awaitReports(5, System.nanoTime() + 10_000_000_000L)).isFalse();
        assertThat(recorder.failure()).hasValue("throughput: wrong page for /p/1");

        MeasurementRecorder quiet = new MeasurementRecorder(List.of(THROUGHPUT), 3);
        quiet.ended();
        assertThat(quiet.awaitReports(1, System.nanoTime() + 10_000_000_000L)).isFalse();
        assertThat(quiet.failure()).isEmpty();
    }

    @Test
    void aSliceThatNeverEndsRunsIntoTheDeadline() throws Exception {
        long start = System.nanoTime();

        assertThat(recorder.awaitReports(1, start + 200_000_000L)).isFalse();

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
    }

    private void assertViolation(String json, String message) {
        assertThatThrownBy(() -> recorder.onEvent(event(json)))
                .isInstanceOf(ChannelHandler.ChannelViolation.class).hasMessageContaining(message);
    }

    private static JsonNode event(String json) throws Exception {
        return JSON.readTree(json);
    }
}
