package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.profile.JfrProfileReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The profiling child's recording arrives in parts on the channel: bounded, nothing after done. */
class ProfileRecorderTest {

    @Test
    void aRecordingLargerThanTheReaderAcceptsStopsTheChild() throws Exception {
        ProfileStage.Recorder recorder = new ProfileStage.Recorder();
        ChildEvent part = new ChildEvent.RecordingPart(new byte[4500]);
        long parts = JfrProfileReader.MAX_RECORDING_BYTES / 4500;
        for (long i = 0; i < parts; i++) {
            recorder.onEvent(part);
        }

        assertThatThrownBy(() -> recorder.onEvent(part)).isInstanceOf(ChannelHandler.ChannelViolation.class)
                .hasMessage("it sent a recording larger than " + JfrProfileReader.MAX_RECORDING_BYTES + " bytes");
    }

    @Test
    void anEventOfAnotherRunStopsTheChild() {
        assertThatThrownBy(() -> new ProfileStage.Recorder().onEvent(new ChildEvent.Sliced("throughput", false, 1, 1)))
                .isInstanceOf(ChannelHandler.ChannelViolation.class).hasMessageStartingWith("it sent an unknown event");
    }

    @Test
    void nothingMayFollowDone() throws Exception {
        ProfileStage.Recorder recorder = new ProfileStage.Recorder();
        assertThatCode(() -> recorder.onEvent(new ChildEvent.Done())).doesNotThrowAnyException();

        assertThatThrownBy(() -> recorder.onEvent(new ChildEvent.RecordingPart(new byte[3])))
                .hasMessage("it sent results after it said it was done");
    }
}
