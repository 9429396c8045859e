package dev.hotpath.grader.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotpath.grader.profile.JfrProfileReader;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The profiling child's recording arrives in chunks on the channel: bounded, well-formed, nothing after done. */
class ProfileRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordingLargerThanTheReaderAcceptsStopsTheChild() throws Exception {
        ProfileStage.Recorder recorder = new ProfileStage.Recorder();
        JsonNode chunk = chunk(new byte[4500]);
        long chunks = JfrProfileReader.MAX_RECORDING_BYTES / 4500;
        for (long i = 0; i < chunks; i++) {
            recorder.onEvent(chunk);
        }

        assertThatThrownBy(() -> recorder.onEvent(chunk)).isInstanceOf(ChannelHandler.ChannelViolation.class)
                .hasMessage("it sent a recording larger than " + JfrProfileReader.MAX_RECORDING_BYTES + " bytes");
    }

    @Test
    void aChunkThatIsNotBase64StopsTheChild() throws Exception {
        JsonNode forged = JSON.readTree("{\"event\":\"chunk\",\"data\":\"not base64!\"}");

        assertThatThrownBy(() -> new ProfileStage.Recorder().onEvent(forged))
                .hasMessage("it sent a malformed part of its recording");
    }

    @Test
    void nothingMayFollowDone() throws Exception {
        ProfileStage.Recorder recorder = new ProfileStage.Recorder();
        assertThatCode(() -> recorder.onEvent(JSON.readTree("{\"event\":\"done\"}"))).doesNotThrowAnyException();

        assertThatThrownBy(() -> recorder.onEvent(chunk(new byte[3]))).hasMessage("it sent results after it said it was done");
    }

    private static JsonNode chunk(byte[] bytes) throws Exception {
        return JSON.readTree("{\"event\":\"chunk\",\"data\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
    }
}
