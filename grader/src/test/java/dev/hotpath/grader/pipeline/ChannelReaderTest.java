package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.child.ChildEvent.TestStatus;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.report.TestResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.hotpath.grader.pipeline.TestRunRecorderTest.CLASS;
import static dev.hotpath.grader.pipeline.TestRunRecorderTest.ENGINE;
import static dev.hotpath.grader.pipeline.TestRunRecorderTest.FAST;
import static dev.hotpath.grader.pipeline.TestRunRecorderTest.finished;
import static dev.hotpath.grader.pipeline.TestRunRecorderTest.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crafted bytes on a child's channel, read as the parent reads them ({@link ChildJvm#readChannel}), without
 * starting a JVM: frames behind the token reach the recorder; everything else is refused or is output.
 */
class ChannelReaderTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final ByteArrayOutputStream channel = new ByteArrayOutputStream();
    private final OutputCapture output = new OutputCapture(ChildJvm.KEPT_OUTPUT_BYTES);
    private final AtomicReference<ChildJvm.Stop> stop = new AtomicReference<>();
    private final TestRunRecorder tests = new TestRunRecorder(
            List.of(new ExpectedTest(FAST, "demo.DemoTest", "fast", "Demo › fast", false, false)),
            Set.of(ENGINE, CLASS), 5, done -> { });

    @Test
    void framesBehindTheTokenReachTheRecorderAndOtherLinesAreOutput() {
        frame(started(CLASS));
        line("the JVM itself printed this");
        frame(started(FAST));
        frame(finished(FAST, TestStatus.SUCCESSFUL, ""));
        frame(new ChildEvent.Done());

        read(tests);

        assertThat(stop.get()).isNull();
        assertThat(tests.completed()).isTrue();
        assertThat(tests.results(Optional.empty())).extracting(TestResult::status).containsExactly(TestResult.Status.PASSED);
        assertThat(output.text()).isEqualTo("the JVM itself printed this\n");
    }

    @Test
    void aChildThatDiesMidFrameLeavesItsTestUnfinished() {
        frame(started(CLASS));
        frame(started(FAST));
        String last = encoded(finished(FAST, TestStatus.SUCCESSFUL, ""));
        write(TOKEN + " " + last.substring(0, last.length() / 2)); // no end of line: the process died

        read(tests);

        assertThat(stop.get()).isNull();
        assertThat(tests.completed()).isFalse();
        assertThat(tests.results(Optional.of(new TestRunRecorder.EarlyEnd("it exited", false))))
                .extracting(TestResult::status).containsExactly(TestResult.Status.FAILED);
    }

    @Test
    void aFrameCutShortOnItsLineStopsTheChild() {
        byte[] frame = ChildEvent.encode(started(CLASS));
        line(TOKEN + " " + Base64.getEncoder().encodeToString(Arrays.copyOf(frame, frame.length - 2)));
        frame(new ChildEvent.Done());

        read(tests);

        assertThat(stop.get()).isEqualTo(new ChildJvm.Stop(ChildJvm.StopCause.MISBEHAVED,
                "it sent a malformed result (EOFException)"));
        assertThat(tests.completed()).isFalse();
    }

    @Test
    void garbageBehindTheTokenStopsTheChildBeforeLaterFrames() {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        write(TOKEN + " ");
        channel.writeBytes(garbage.clone());
        write("\n");
        frame(new ChildEvent.Done());

        read(tests);

        assertThat(stop.get().cause()).isEqualTo(ChildJvm.StopCause.MISBEHAVED);
        assertThat(stop.get().reason()).startsWith("it sent a malformed result");
        assertThat(tests.completed()).isFalse();
    }

    @Test
    void eventsOutOfOrderStopTheChild() {
        frame(finished(FAST, TestStatus.SUCCESSFUL, ""));
        frame(started(FAST));
        frame(new ChildEvent.Done());

        read(tests);

        assertThat(stop.get().reason()).isEqualTo("it reported test " + FAST + " as finished without starting it, or twice");
        assertThat(tests.results(Optional.empty())).extracting(TestResult::status).containsExactly(TestResult.Status.NOT_RUN);
    }

    @Test
    void framesWithoutTheTokenOrWithAnotherAreOnlyOutput() {
        line(encoded(started(FAST)));
        line("fedcba9876543210fedcba9876543210 " + encoded(new ChildEvent.Done()));

        read(tests);

        assertThat(stop.get()).isNull();
        assertThat(tests.completed()).isFalse();
        assertThat(output.text()).contains(encoded(started(FAST)));
    }

    @Test
    void aLineLongerThanTheLimitStopsTheChild() {
        line(TOKEN + " " + "A".repeat(ChildJvm.MAX_CHANNEL_LINE_BYTES));

        read(tests);

        assertThat(stop.get().reason()).isEqualTo("it sent a malformed result line (too long)");
    }

    @Test
    void aMeasurementStreamIsCheckedAsItArrives() throws Exception {
        Metric calls = new Metric("calls", "calls", Metric.Kind.COUNTER, "x.P", "calls", Direction.LOWER, 0.5,
                Optional.of("x.D"));
        Metric throughput = new Metric("throughput", "ops", Metric.Kind.BENCHMARK, "x.B.m", "ops/s", Direction.HIGHER,
                2, Optional.empty());
        MeasurementRecorder measurement = new MeasurementRecorder(List.of(calls, throughput), 4);
        frame(new ChildEvent.Counted("calls", 29_002));
        frame(new ChildEvent.Sliced("throughput", true, 5, 6));
        frame(new ChildEvent.Sliced("throughput", false, 7, 8));
        frame(new ChildEvent.Sliced("throughput", false, 0, 8)); // implausible: stops the child
        frame(new ChildEvent.Sliced("throughput", false, 9, 10));

        read(measurement);
        measurement.ended();

        assertThat(stop.get().reason()).startsWith("it reported an implausible benchmark sample");
        assertThat(measurement.counts("calls")).containsExactly(29_002L);
        assertThat(measurement.samples("throughput", Measurement.Clock.WALL)).containsExactly(7.0);
        assertThat(measurement.awaitReports(5, System.nanoTime())).isFalse();
    }

    private void read(ChannelHandler handler) {
        ChildJvm.readChannel(new ByteArrayInputStream(channel.toByteArray()), TOKEN, handler, output, stop);
    }

    private void frame(ChildEvent event) {
        line(TOKEN + " " + encoded(event));
    }

    private static String encoded(ChildEvent event) {
        return Base64.getEncoder().encodeToString(ChildEvent.encode(event));
    }

    private void line(String text) {
        write(text + "\n");
    }

    private void write(String text) {
        channel.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
