package dev.hotpath.grader.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandbox users are unique across every grader process on the host, not just within one. */
class SandboxUidsTest {

    @Test
    void aSecondGraderProcessGetsOnlyTheUsersTheFirstDoesNotHold(@TempDir Path dir) throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SandboxUidHolder.class.getName(), dir.toString(),
                String.valueOf(SandboxUids.COUNT - 1)).redirectErrorStream(true).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("holding " + (SandboxUids.COUNT - 1));
            SandboxUids uids = new SandboxUids(dir);

            try (SandboxUids.Lease last = uids.take()) {
                assertThat(last.uid()).isBetween(SandboxUids.FIRST_UID, SandboxUids.FIRST_UID + SandboxUids.COUNT - 1);
                assertThatThrownBy(uids::take).hasMessageContaining("all 1000 sandbox users (from 61000) are in use");
            }

            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<SandboxUids.Lease> all = new ArrayList<>();
            try {
                for (int i = 0; i < SandboxUids.COUNT; i++) {
                    all.add(uids.take());
                }
                Set<Integer> distinct = new HashSet<>();
                all.forEach(lease -> distinct.add(lease.uid()));
                assertThat(distinct).as("freed by the other process when it let go").hasSize(SandboxUids.COUNT);
            } finally {
                all.forEach(SandboxUids.Lease::close);
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aUserIsFreeAgainOnceItsLeaseIsClosed(@TempDir Path dir) throws Exception {
        SandboxUids uids = new SandboxUids(dir);
        List<SandboxUids.Lease> held = new ArrayList<>();
        for (int i = 0; i < SandboxUids.COUNT; i++) {
            held.add(uids.take());
        }
        int freed = held.get(0).uid();
        held.get(0).close();

        try (SandboxUids.Lease again = uids.take()) {
            assertThat(again.uid()).isEqualTo(freed);
        } finally {
            held.forEach(SandboxUids.Lease::close);
        }
    }
}
