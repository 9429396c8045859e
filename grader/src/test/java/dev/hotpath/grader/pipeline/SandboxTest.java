package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each layer under the bytecode policy on its own: what code inside the sandbox can and cannot do,
 * tried by {@link SandboxProbe}. Mandatory in CI (which installs bubblewrap); skipped elsewhere
 * when the machine has no sandbox.
 */
class SandboxTest {

    private static Sandbox sandbox;
    private static ChildJvm children;

    @BeforeAll
    static void requireSandbox(@TempDir Path dir) throws Exception {
        StringBuilder whyNot = new StringBuilder();
        sandbox = Sandbox.detect(whyNot).orElse(null);
        if (sandbox == null && "true".equals(System.getenv("CI"))) {
            fail("CI must run these tests inside the sandbox, but: " + whyNot);
        }
        assumeTrue(sandbox != null, "no sandbox on this machine (" + whyNot + "); install bubblewrap to run these");
        // JUnit makes temporary directories private; the sandboxed child's user must pass through.
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        children = new ChildJvm(sandbox, ChildClasspath.copyTo(dir.resolve("runtime")));
    }

    @Test
    void hasNoNetworkNotEvenTheHostsLoopback(@TempDir Path work) throws Exception {
        try (ServerSocket host = new ServerSocket(0)) {
            String loopback = "connect=127.0.0.1:" + host.getLocalPort();
            Map<String, String> results = probe(work, loopback, "connect=1.1.1.1:53");

            assertThat(results.get(loopback)).startsWith("threw java.net.ConnectException");
            assertThat(results.get("connect=1.1.1.1:53")).startsWith("threw java.net.");
        }
    }

    @Test
    void seesOnlyWhatItNeedsReadOnly(@TempDir Path work) throws Exception {
        Path hiddenSources = Path.of("../exercises/cache-key-explosion/src/hidden").toAbsolutePath().normalize();
        Path solution = Path.of("../exercises/cache-key-explosion/solution").toAbsolutePath().normalize();
        Path testClasses = testClasses();

        Map<String, String> results = probe(work, "exists=" + hiddenSources, "exists=" + solution, "exists=/root",
                "exists=/etc/passwd", "exists=" + testClasses);
        String write = "write=" + testClasses.resolve("planted.txt");
        Map<String, String> writes = probe(work, write);

        assertThat(results).containsEntry("exists=" + hiddenSources, "false").containsEntry("exists=" + solution, "false")
                .containsEntry("exists=/root", "false").containsEntry("exists=/etc/passwd", "false")
                .containsEntry("exists=" + testClasses, "true");
        assertThat(writes.get(write)).contains("Read-only file system");
        assertThat(testClasses.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void hasASmallPrivateScratchDirectoryThatVanishes(@TempDir Path work) throws Exception {
        Map<String, String> results = probe(work, "fill=" + Sandbox.SCRATCH + "/fill");

        assertThat(results.get("fill=" + Sandbox.SCRATCH + "/fill")).matches("stopped after 6[0-4] MB: No space left on device");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void canWriteNowhereButTheCappedScratchDirectory(@TempDir Path work) throws Exception {
        Map<String, String> results = probe(work, "host-shared-memory=before", "fill=/big0", "fill=/dev/big",
                "fill=/dev/shm/big", "fill=/scratch/big", "host-shared-memory=after");

        assertThat(results.get("fill=/big0")).isEqualTo("stopped after 0 MB: /big0: Read-only file system");
        assertThat(results.get("fill=/dev/big")).isEqualTo("stopped after 0 MB: /dev/big: Read-only file system");
        assertThat(results.get("fill=/dev/shm/big")).isEqualTo("stopped after 0 MB: /dev/shm/big: Read-only file system");
        assertThat(results.get("fill=/scratch/big")).matches("stopped after 6[0-4] MB: No space left on device");
        // Measured while the child still holds what it wrote: at most the scratch directory's cap (the
        // host's other users may add a little in the meantime).
        long grownKb = Long.parseLong(results.get("host-shared-memory=after"))
                - Long.parseLong(results.get("host-shared-memory=before"));
        assertThat(grownKb).isLessThan((Sandbox.SCRATCH_BYTES >> 10) + 128 * 1024);
    }

    @Test
    void startsOnceMoreWhenTheKernelRefusesItsNamespacesOnce(@TempDir Path work) throws Exception {
        // A bubblewrap that fails like a host at its namespace or process limit, the first time only.
        Path fake = Files.createTempDirectory("hotpath-fake-bwrap-");
        try {
            Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Path failedOnce = fake.resolve("failed-once");
            Path script = fake.resolve("bwrap");
            Files.writeString(script, "#!/bin/sh\nif mkdir " + failedOnce + " 2>/dev/null; then\n"
                    + "  echo 'bwrap: Creating new namespace failed: Resource temporarily unavailable' >&2; exit 1\nfi\n"
                    + "exec /usr/bin/bwrap \"$@\"\n");
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            ChildJvm flaky = new ChildJvm(sandbox.withBwrap(script), children.runtime());
            Collector collector = new Collector();

            ChildJvm.Outcome outcome = flaky.run(spec(work, List.of("environment=")), collector, Duration.ofSeconds(60));

            assertThat(failedOnce).exists();
            assertThat(outcome.stopped()).as(outcome.output()).isFalse();
            assertThat(collector.results).containsKey("environment=");
        } finally {
            Workspace.deleteTree(fake);
        }
    }

    @Test
    void hasItsOwnProcessesAndAnEmptyEnvironment(@TempDir Path work) throws Exception {
        Map<String, String> results = probe(work, "processes=", "environment=");

        String[] pidAndCount = results.get("processes=").split(" ", -1);
        assertThat(Long.parseLong(pidAndCount[0])).isLessThan(10);
        assertThat(Long.parseLong(pidAndCount[1])).isLessThan(5);
        assertThat(results.get("environment=")).isEqualTo("[LANG, MALLOC_ARENA_MAX, PWD]");
    }

    @Test
    void capsThreadsAndMemory(@TempDir Path work) throws Exception {
        Map<String, String> results = probe(work, "threads=", "native-memory=");

        assertThat(results.get("threads=")).startsWith("stopped after");
        int threads = Integer.parseInt(results.get("threads=").replaceAll("stopped after (\\d+):.*", "$1"));
        assertThat(threads).isLessThan(Sandbox.MAX_PROCESSES);
        assertThat(results.get("native-memory=")).startsWith("stopped after");
        long megabytes = Long.parseLong(results.get("native-memory=").replaceAll("stopped after (\\d+) MB.*", "$1"));
        assertThat(megabytes).isLessThan((Sandbox.NON_HEAP_BYTES >> 20) + 64);
    }

    @Test
    void runsAComparableJvmWithOnlyTheModulesItNeeds(@TempDir Path work) throws Exception {
        Map<String, String> results = probe(work, "jvm=", "module=java.sql.DriverManager");

        assertThat(results.get("jvm=")).isEqualTo("processors=2 heap=61 gc=Copy");
        assertThat(results.get("module=java.sql.DriverManager")).startsWith("threw java.lang.ClassNotFoundException");
    }

    @Test
    void takesEveryProcessItStartedWithItWhenStopped(@TempDir Path work) throws Exception {
        String marker = String.valueOf(1000 + (System.nanoTime() % 9000));
        ChildJvm.Outcome outcome = children.run(spec(work, List.of("spawn-and-hang=" + marker)), new Collector(),
                Duration.ofSeconds(3));

        assertThat(outcome.stopReason()).isEqualTo("it ran longer than the limit of 3 s");
        Thread.sleep(200);
        assertThat(sleepersWith(marker)).as("processes left behind").isEmpty();
    }

    private static Map<String, String> probe(Path work, String... probes) throws Exception {
        Collector collector = new Collector();
        ChildJvm.Outcome outcome = children.run(spec(work, List.of(probes)), collector, Duration.ofSeconds(60));
        assertThat(outcome.stopped()).as(outcome.output()).isFalse();
        return collector.results;
    }

    private static ChildJvm.Spec spec(Path work, List<String> probes) throws Exception {
        return new ChildJvm.Spec(List.of(testClasses()), JvmOptions.forMeasurement(), 64, SandboxProbe.class.getName(),
                probes, work);
    }

    private static Path testClasses() throws Exception {
        return Path.of(SandboxProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> sleepersWith(String marker) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = Files.readString(process.resolve("cmdline")).replace('\0', ' ').strip();
                    if (commandLine.equals("/usr/bin/sleep " + marker)) {
                        found.add(process.getFileName().toString());
                    }
                } catch (IOException e) {
                    // The process ended while we looked.
                }
            }
        }
        return found;
    }

    /** Collects probe results by probe (name=argument). */
    private static final class Collector implements ChannelHandler {

        final Map<String, String> results = new LinkedHashMap<>();

        @Override
        public synchronized void onEvent(ChildEvent event) {
            if (event instanceof ChildEvent.TestSkipped probe) {
                results.putIfAbsent(probe.id(), probe.reason());
            }
        }
    }
}
