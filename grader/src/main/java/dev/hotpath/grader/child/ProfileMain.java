package dev.hotpath.grader.child;

import jdk.jfr.Recording;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs inside a profiling JVM, after the measurement and never during it: runs the exercise's JMH
 * benchmarks once in this JVM under JDK Flight Recorder (CPU samples, allocation samples, monitor
 * enter and wait, park, sleep), then streams the recording to the parent in base64 chunks on the
 * result channel, where it is parsed as untrusted input.
 *
 * <p>Arguments: a {@link ProfilePlan}.
 */
public final class ProfileMain {

    /** Bytes of the recording per channel event. */
    static final int CHUNK_BYTES = 16 * 1024;

    private ProfileMain() {
    }

    public static void main(String[] args) {
        ChildChannel channel;
        try {
            channel = ChildChannel.open();
        } catch (Exception e) {
            System.err.println("hotpath profiling runner: " + e.getMessage());
            Runtime.getRuntime().halt(3);
            return;
        }
        try {
            channel.awaitGo();
            ProfilePlan plan = ProfilePlan.parse(args);
            Path file = Files.createTempFile("hotpath-profile-", ".jfr");
            try (Recording recording = recording()) {
                recording.start();
                for (String benchmark : plan.benchmarks()) {
                    run(benchmark, plan.warmupIterations(), plan.iterations(), plan.iterationMillis());
                }
                recording.stop();
                recording.dump(file);
            }
            send(channel, file);
            channel.send(new ChildEvent.Done());
        } catch (Throwable t) {
            channel.send(new ChildEvent.Crashed(Failures.describe(t)));
        } finally {
            ChildChannel.halt();
        }
    }

    private static Recording recording() {
        Recording recording = new Recording();
        recording.setName("hotpath-profile");
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2)).withStackTrace();
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "2000/s").withStackTrace();
        for (String waiting : List.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.ThreadSleep")) {
            recording.enable(waiting).withThreshold(Duration.ofMillis(1)).withStackTrace();
        }
        return recording;
    }

    private static void run(String method, int warmup, int iterations, int iterationMillis) throws Exception {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(method) + "$")
                .forks(0)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        if (new Runner(options, OutputFormatFactory.createFormatInstance(discard, VerboseMode.SILENT)).run().isEmpty()) {
            throw new IllegalStateException("JMH found no benchmark named " + method);
        }
    }

    private static void send(ChildChannel channel, Path file) throws Exception {
        byte[] buffer = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                channel.send(new ChildEvent.RecordingPart(Arrays.copyOf(buffer, read)));
            }
        }
        Files.delete(file);
    }
}
