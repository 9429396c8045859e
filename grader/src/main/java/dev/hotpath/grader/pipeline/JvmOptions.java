package dev.hotpath.grader.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Options every child JVM gets. Heap min = max, one GC and a fixed processor count make runs
 * comparable across machines and with each other; a JVM out of memory exits instead of limping on.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    /** For the test JVM: C1 only, because a short test run is dominated by start-up and warm-up. */
    static List<String> forTests(int heapMegabytes) {
        List<String> options = common(heapMegabytes);
        options.add("-XX:TieredStopAtLevel=1");
        return options;
    }

    /** For measurement JVMs: the full JIT, as in production. */
    static List<String> forMeasurement(int heapMegabytes) {
        return common(heapMegabytes);
    }

    private static List<String> common(int heapMegabytes) {
        return new ArrayList<>(List.of(
                "-Xms" + heapMegabytes + "m",
                "-Xmx" + heapMegabytes + "m",
                "-XX:+UseSerialGC",
                "-XX:ActiveProcessorCount=2",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-Duser.language=en",
                "-Duser.country=US",
                "-Djava.awt.headless=true"));
    }
}
