package dev.hotpath.grader.child;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Runs inside a measurement JVM, which the parent starts once per fork: reads the exercise's cost
 * counters, then runs its JMH benchmarks in this JVM (JMH's own forking is off because this JVM is
 * the fork) and streams every measured iteration.
 *
 * <p>Arguments: {@code warmup=N iterations=N iteration-ms=N}, then {@code counter:METRIC=CLASS} and
 * {@code benchmark:METRIC=METHOD} entries.
 */
public final class MeasureMain {

    private MeasureMain() {
    }

    public static void main(String[] args) {
        ChildChannel channel;
        try {
            channel = ChildChannel.open();
        } catch (Exception e) {
            System.err.println("hotpath measurement runner: " + e.getMessage());
            Runtime.getRuntime().halt(3);
            return;
        }
        try {
            channel.awaitGo();
            int warmup = 0;
            int iterations = 1;
            int iterationMillis = 100;
            for (String arg : args) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("warmup=")) {
                    warmup = Integer.parseInt(value);
                } else if (arg.startsWith("iterations=")) {
                    iterations = Integer.parseInt(value);
                } else if (arg.startsWith("iteration-ms=")) {
                    iterationMillis = Integer.parseInt(value);
                }
            }
            for (String arg : args) {
                int colon = arg.indexOf(':');
                int equals = arg.indexOf('=');
                if (colon < 0 || equals < colon) {
                    continue;
                }
                String metric = arg.substring(colon + 1, equals);
                String target = arg.substring(equals + 1);
                if (arg.startsWith("counter:")) {
                    count(channel, metric, target);
                } else if (arg.startsWith("benchmark:")) {
                    benchmark(channel, metric, target, warmup, iterations, iterationMillis);
                }
            }
            channel.send("done");
        } catch (Throwable t) {
            channel.send("crashed", "message", Failures.describe(t));
        } finally {
            ChildChannel.halt();
        }
    }

    private static void count(ChildChannel channel, String metric, String probeClass) {
        long value;
        try {
            LongSupplier probe = (LongSupplier) Class.forName(probeClass).getDeclaredConstructor().newInstance();
            value = probe.getAsLong();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot use " + probeClass + " as a counter: " + e, e);
        } catch (RuntimeException | Error e) {
            channel.send("failed", "metric", metric, "message", Failures.describe(e));
            return;
        }
        channel.send("counter", "metric", metric, "value", value);
    }

    private static void benchmark(ChildChannel channel, String metric, String method,
                                  int warmup, int iterations, int iterationMillis) {
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
        Collection<RunResult> results;
        try {
            results = new Runner(options, OutputFormatFactory.createFormatInstance(discard, VerboseMode.SILENT)).run();
        } catch (Exception e) {
            channel.send("failed", "metric", metric, "message", Failures.describe(rootCause(e)));
            return;
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH found no benchmark named " + method);
        }
        for (RunResult result : results) {
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    channel.send("sample", "metric", metric, "value", iteration.getPrimaryResult().getScore(),
                            "unit", iteration.getPrimaryResult().getScoreUnit());
                }
            }
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
