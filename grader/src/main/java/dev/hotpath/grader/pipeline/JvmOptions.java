package dev.hotpath.grader.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Options every child JVM gets (the heap, min = max, is added by {@link ChildJvm}). One GC and a fixed
 * processor count make runs comparable across machines and with each other; a JVM out of memory exits
 * instead of limping on; only the JDK modules JUnit and JMH need are present, no one may attach to it,
 * and its non-heap memory is bounded so it fits the sandbox's address-space cap.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    /** For the test JVM: C1 only, because a short test run is dominated by start-up and warm-up. */
    static List<String> forTests() {
        List<String> options = common("java.base,java.logging,java.management,jdk.management");
        options.add("-XX:TieredStopAtLevel=1");
        return options;
    }

    /** For the compile JVM: javac and what it reads --release's class signatures with; C1 for a short run. */
    static List<String> forCompiler() {
        List<String> options = common("java.base,java.compiler,jdk.compiler,jdk.zipfs");
        options.add("-XX:TieredStopAtLevel=1");
        return options;
    }

    /** For measurement JVMs: the full JIT, as in production; JMH also needs jdk.unsupported. */
    static List<String> forMeasurement() {
        return common("java.base,java.logging,java.management,jdk.management,jdk.unsupported");
    }

    /**
     * For the profiling JVM: as for measurement, plus Flight Recorder, with stacks deep enough to
     * reach from the leaf through the exercise's code to the benchmark harness.
     */
    static List<String> forProfiling() {
        List<String> options = common("java.base,java.logging,java.management,jdk.management,jdk.unsupported,jdk.jfr");
        options.add("-XX:FlightRecorderOptions:stackdepth=160");
        // Attributes samples to the line being run rather than the nearest safepoint: truer frames.
        options.add("-XX:+UnlockDiagnosticVMOptions");
        options.add("-XX:+DebugNonSafepoints");
        return options;
    }

    private static List<String> common(String modules) {
        return new ArrayList<>(List.of(
                "--limit-modules", modules,
                "-XX:+UseSerialGC",
                "-XX:ActiveProcessorCount=2",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData",
                "-XX:+DisableAttachMechanism",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=64m",
                "-Xss1m",
                "-Xshare:auto",
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                "-Duser.language=en",
                "-Duser.country=US",
                "-Djava.awt.headless=true"));
    }
}
