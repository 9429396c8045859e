package dev.hotpath.grader.child;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The channel's frames: every event survives the trip; bytes that are not exactly one frame are refused. */
class ChildEventTest {

    private static final List<ChildEvent> EVERY_KIND = List.of(
            new ChildEvent.Done(),
            new ChildEvent.Crashed("java.lang.OutOfMemoryError: Java heap space\n    at x.Y.z(Y.java:3)"),
            new ChildEvent.Registered("[class:T]/[test-template:t()]/[#1]", "[class:T]/[test-template:t()]", "[1] \"é\""),
            new ChildEvent.TestStarted("[class:T]/[method:t()]"),
            new ChildEvent.TestSkipped("[class:T]/[method:t()]", ""),
            new ChildEvent.TestFinished("[class:T]/[method:t()]", ChildEvent.TestStatus.FAILED, "expected 3 but was 4"),
            new ChildEvent.Counted("origin-calls", 29_002),
            new ChildEvent.Counted("origin-calls", 0),
            new ChildEvent.Diagnosed("origin-calls", "29,002 renders for 3,837 pages"),
            new ChildEvent.Diagnosed("origin-calls", ""),
            new ChildEvent.Sliced("throughput", true, 10_300.5, 11_000.25),
            new ChildEvent.MetricFailed("throughput", "wrong page for /p/1"),
            new ChildEvent.CompileErrorFound("src/main/java/A.java", 3, 7, "';' expected"));

    @Test
    void everyKindOfEventSurvivesTheTrip() throws Exception {
        for (ChildEvent event : EVERY_KIND) {
            assertThat(ChildEvent.decode(ChildEvent.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void bytesSurviveTheTrip() throws Exception {
        byte[] data = {(byte) 0xCA, (byte) 0xFE, 0, '\n', '\r', (byte) 0xFF};

        ChildEvent.ClassPart part = (ChildEvent.ClassPart) ChildEvent.decode(
                ChildEvent.encode(new ChildEvent.ClassPart("a/B.class", data)));
        ChildEvent.RecordingPart recording = (ChildEvent.RecordingPart) ChildEvent.decode(
                ChildEvent.encode(new ChildEvent.RecordingPart(data)));

        assertThat(part.name()).isEqualTo("a/B.class");
        assertThat(part.data()).isEqualTo(data);
        assertThat(recording.data()).isEqualTo(data);
    }

    @Test
    void longTextIsCutSoThatAFrameStaysSmall() throws Exception {
        ChildEvent.Crashed crashed = (ChildEvent.Crashed) ChildEvent.decode(
                ChildEvent.encode(new ChildEvent.Crashed("€".repeat(50_000))));

        assertThat(crashed.message()).hasSize(ChildEvent.MAX_STRING_CHARS + 1).endsWith("€…");
    }

    @Test
    void everyTruncatedFrameIsRefused() throws Exception {
        for (ChildEvent event : EVERY_KIND) {
            byte[] frame = ChildEvent.encode(event);
            for (int length = 0; length < frame.length; length++) {
                byte[] truncated = Arrays.copyOf(frame, length);
                assertThatThrownBy(() -> ChildEvent.decode(truncated)).as("%s cut to %d bytes", event, length)
                        .isInstanceOf(ChildEvent.MalformedFrame.class);
            }
        }
    }

    @Test
    void bytesAfterTheEventAreRefused() {
        byte[] frame = ChildEvent.encode(new ChildEvent.TestStarted("[class:T]/[method:t()]"));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);

        assertThatThrownBy(() -> ChildEvent.decode(longer)).isInstanceOf(ChildEvent.MalformedFrame.class)
                .hasMessage("it sent a malformed result (bytes after the event)");
    }

    @Test
    void unknownKindsAndValuesAreRefused() {
        assertThatThrownBy(() -> ChildEvent.decode(new byte[] {99})).isInstanceOf(ChildEvent.MalformedFrame.class)
                .hasMessage("it sent an event of an unknown kind");
        byte[] finished = ChildEvent.encode(new ChildEvent.TestFinished("t", ChildEvent.TestStatus.SUCCESSFUL, ""));
        finished[1 + 2 + 1] = 7; // the status, after the tag and the id "t"
        assertThatThrownBy(() -> ChildEvent.decode(finished)).isInstanceOf(ChildEvent.MalformedFrame.class);
        // A Java serialization stream is not a frame, and nothing here ever deserializes one.
        assertThatThrownBy(() -> ChildEvent.decode(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72}))
                .isInstanceOf(ChildEvent.MalformedFrame.class);
    }

    @Test
    void aLengthBeyondTheFrameIsRefusedBeforeAnythingIsAllocated() {
        byte[] frame = ChildEvent.encode(new ChildEvent.RecordingPart(new byte[8]));
        frame[1] = 0x7F; // the length's high byte: about 2 GB announced, 8 bytes present

        assertThatThrownBy(() -> ChildEvent.decode(frame)).isInstanceOf(ChildEvent.MalformedFrame.class);
    }

    @Test
    void theChildCannotSendMoreBytesThanAFrameCarries() {
        assertThatThrownBy(() -> ChildEvent.encode(new ChildEvent.RecordingPart(new byte[ChildEvent.MAX_BYTES + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlansReadBackWhatTheParentWrote() {
        MeasurePlan measure = new MeasurePlan(5, 40, 100,
                List.of(new MeasurePlan.Counter("origin-calls", "x.probe.OriginCallsProbe", Optional.of("x.probe.Keys")),
                        new MeasurePlan.Counter("bytes", "x.probe.BytesProbe", Optional.empty())),
                List.of(new MeasurePlan.Benchmark("throughput", "x.B.serve")));
        ProfilePlan profile = new ProfilePlan(1, 5, 200, List.of("x.B.serve", "x.B.other"));
        CompilePlan compile = new CompilePlan(Path.of("/work/sources"), Path.of("/work/support"),
                List.of("src/main/java/x/A.java", "src/main/java/x/B.java"));

        assertThat(MeasurePlan.parse(measure.toArgs().toArray(String[]::new))).isEqualTo(measure);
        assertThat(ProfilePlan.parse(profile.toArgs().toArray(String[]::new))).isEqualTo(profile);
        assertThat(CompilePlan.parse(compile.toArgs().toArray(String[]::new))).isEqualTo(compile);
    }
}
