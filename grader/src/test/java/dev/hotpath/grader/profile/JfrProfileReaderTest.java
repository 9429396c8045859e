package dev.hotpath.grader.profile;

import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recording comes from a child the grader does not trust: bounded in size and time, every failure explained. */
class JfrProfileReaderTest {

    @TempDir
    static Path dir;
    private static Path recording;

    /** A real recording of this JVM allocating, the profile package standing in for an exercise's. */
    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("real.jfr");
        try (Recording jfr = new Recording()) {
            jfr.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s").withStackTrace();
            jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
            jfr.start();
            List<long[]> garbage = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                garbage.add(Workload.allocate(i));
                if (garbage.size() > 100) {
                    garbage.clear();
                }
            }
            jfr.stop();
            jfr.dump(recording);
        }
    }

    @Test
    void aRealRecordingBecomesThreeViewsWithTheAllocatedTypeAsLeaf() throws Exception {
        Profile profile = reader(Duration.ofSeconds(30)).read(recording);

        assertThat(profile.graphs()).extracting(FlameGraph::view).containsExactly(ProfileView.values());
        FlameGraph allocation = profile.graph(ProfileView.ALLOCATION);
        assertThat(allocation.frames()).contains(Workload.class.getName() + ".allocate", "new long[]");
        assertThat(allocation.shares().get("new long[]")).isGreaterThan(0);
        assertThat(profile.recordingBytes()).isEqualTo(Files.size(recording));
    }

    @Test
    void garbageIsAClearError() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.jfr"), "FLR\0 this is not a recording".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> reader(Duration.ofSeconds(10)).read(garbage))
                .isInstanceOf(ProfileException.class).hasMessageStartingWith("the recording is not a readable JFR file");
    }

    @Test
    void aTruncatedRecordingIsAClearError() throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        Path truncated = Files.write(dir.resolve("truncated.jfr"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> reader(Duration.ofSeconds(10)).read(truncated))
                .isInstanceOf(ProfileException.class).hasMessageStartingWith("the recording is not a readable JFR file");
    }

    @Test
    void aRecordingOverTheSizeLimitIsNotOpened() throws Exception {
        Path huge = dir.resolve("huge.jfr");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(JfrProfileReader.MAX_RECORDING_BYTES + 1); // sparse: no disk used
        }

        assertThatThrownBy(() -> reader(Duration.ofSeconds(10)).read(huge))
                .isInstanceOf(ProfileException.class).hasMessageContaining("more than the limit of");
    }

    @Test
    void readingIsAbandonedAtTheDeadline() {
        assertThatThrownBy(() -> reader(Duration.ofNanos(1)).read(recording))
                .isInstanceOf(ProfileException.class).hasMessageStartingWith("reading the recording took longer than the limit");
    }

    private static JfrProfileReader reader(Duration deadline) {
        return new JfrProfileReader(Set.of(JfrProfileReaderTest.class.getPackageName()), deadline);
    }

    /** Not called from JMH, so its stacks are kept through this package's frames. */
    static final class Workload {
        static long[] allocate(int i) {
            return new long[64 + i % 64];
        }
    }
}
