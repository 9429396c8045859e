package dev.hotpath.grader.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two grader processes on one host never measure at once; two gradings in one process neither. */
@Timeout(60)
class HostMeasurementLockTest {

    @Test
    void aMeasurementWaitsWhileAnotherProcessMeasures(@TempDir Path hostDir) throws Exception {
        Path classes = Path.of(HostLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                HostLockHolder.class.getName(), hostDir.toString()).start();
        try {
            String said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(said).isEqualTo("held");
            AtomicInteger toldToWait = new AtomicInteger();

            CompletableFuture<HostMeasurementLock.Held> mine = acquireAsync(hostDir, toldToWait);
            Thread.sleep(500);
            assertThat(mine).as("must not measure while the other process does").isNotDone();
            assertThat(toldToWait).hasValue(1);

            other.getOutputStream().close(); // the other measurement ends
            try (HostMeasurementLock.Held held = mine.get(30, TimeUnit.SECONDS)) {
                assertThat(held.valid()).isTrue();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void gradingsOfOneProcessTakeTurns(@TempDir Path hostDir) throws Exception {
        AtomicInteger toldToWait = new AtomicInteger();
        HostMeasurementLock.Held first = HostMeasurementLock.acquire(hostDir, toldToWait::incrementAndGet);
        CompletableFuture<HostMeasurementLock.Held> second = acquireAsync(hostDir, toldToWait);
        Thread.sleep(300);
        assertThat(second).isNotDone();

        first.close();
        first.close(); // closing twice must not let a third measurement in beside the second
        CompletableFuture<HostMeasurementLock.Held> third;
        try (HostMeasurementLock.Held held = second.get(10, TimeUnit.SECONDS)) {
            third = acquireAsync(hostDir, toldToWait);
            Thread.sleep(300);
            assertThat(third).isNotDone();
        }
        third.get(10, TimeUnit.SECONDS).close();
        assertThat(toldToWait).hasValue(2);
    }

    private static CompletableFuture<HostMeasurementLock.Held> acquireAsync(Path hostDir, AtomicInteger toldToWait) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return HostMeasurementLock.acquire(hostDir, toldToWait::incrementAndGet);
            } catch (GradingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
