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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs inside a profiling JVM, after the measurement and never during it: runs the exercise's JMH
 * benchmarks once in this JVM under JDK Flight Recorder (CPU samples, allocation samples, monitor
 * enter and wait, park, sleep), then streams the recording to the parent in base64 chunks on the
 * result channel, where it is parsed as untrusted input.
 *
 * <p>Arguments: {@code warmup=N iterations=N iteration-ms=N}, then {@code benchmark:METHOD} entries.
 */
public final class ProfileMain {

    /** Base64 characters per channel event, well under the channel's longest value. */
    static final int CHUNK_CHARS = 6_000;

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
            int warmup = 1;
            int iterations = 5;
            int iterationMillis = 200;
            List<String> benchmarks = new ArrayList<>();
            for (String arg : args) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("warmup=")) {
                    warmup = Integer.parseInt(value);
                } else if (arg.startsWith("iterations=")) {
                    iterations = Integer.parseInt(value);
                } else if (arg.startsWith("iteration-ms=")) {
                    iterationMillis = Integer.parseInt(value);
                } else if (arg.startsWith("benchmark:")) {
                    benchmarks.add(arg.substring("benchmark:".length()));
                }
            }
            Path file = Files.createTempFile("hotpath-profile-", ".jfr");
            try (Recording recording = recording()) {
                recording.start();
                for (String benchmark : benchmarks) {
                    run(benchmark, warmup, iterations, iterationMillis);
                }
                recording.stop();
                recording.dump(file);
            }
            send(channel, file);
            channel.send("done");
        } catch (Throwable t) {
            channel.send("crashed", "message", Failures.describe(t));
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
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] buffer = new byte[CHUNK_CHARS / 4 * 3];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                channel.send("chunk", "data", base64.encodeToString(read == buffer.length ? buffer
                        : java.util.Arrays.copyOf(buffer, read)));
            }
        }
        Files.delete(file);
    }
}
