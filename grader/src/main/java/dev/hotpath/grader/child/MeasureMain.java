package dev.hotpath.grader.child;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Runs inside a measurement JVM. The parent keeps two of these alive, one for the starter and one for
 * the submission, and lets them work in turns: each {@link MeasureCommand} runs one counter or one
 * benchmark slice, then the JVM reports it and waits. JMH runs in this JVM (its own forking is off,
 * this JVM is the fork); a hook on JMH's iteration start holds each iteration until the parent says go.
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
            MeasurePlan plan = MeasurePlan.parse(args);
            for (MeasurePlan.Target counter : plan.counters()) {
                if (await(channel) != MeasureCommand.COUNT) {
                    ChildChannel.halt();
                }
                count(channel, counter);
            }
            for (MeasurePlan.Target benchmark : plan.benchmarks()) {
                benchmark(channel, benchmark, plan);
            }
            channel.send("done");
        } catch (Throwable t) {
            channel.send("crashed", "message", Failures.describe(t));
        } finally {
            ChildChannel.halt();
        }
    }

    private static MeasureCommand await(ChildChannel channel) {
        try {
            return MeasureCommand.valueOf(channel.awaitCommand());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(ChildChannel channel, MeasurePlan.Target counter) {
        long value;
        try {
            LongSupplier probe = Class.forName(counter.target()).asSubclass(LongSupplier.class)
                    .getDeclaredConstructor().newInstance();
            value = probe.getAsLong();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot use " + counter.target() + " as a counter: " + e, e);
        } catch (RuntimeException | Error e) {
            channel.send("failed", "metric", counter.metric(), "message", Failures.describe(e));
            return;
        }
        channel.send("counter", "metric", counter.metric(), "value", value);
    }

    /** Thrown from the iteration hook to end a benchmark early; JMH unwinds and cleans up its threads. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by the parent", null, false, false);
        }
    }

    private static void benchmark(ChildChannel channel, MeasurePlan.Target benchmark, MeasurePlan plan) {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.target()) + "$")
                .forks(0)
                .warmupIterations(plan.warmupSlices())
                .warmupTime(TimeValue.milliseconds(plan.sliceMillis()))
                .measurementIterations(plan.maxSlices())
                .measurementTime(TimeValue.milliseconds(plan.sliceMillis()))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options, new Turns(channel, benchmark.metric())).run();
        } catch (Exception e) {
            Throwable root = rootCause(e);
            if (!(root instanceof Stopped)) {
                channel.send("failed", "metric", benchmark.metric(), "message", Failures.describe(root));
            }
            return;
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH found no benchmark named " + benchmark.target());
        }
    }

    /**
     * JMH's output, replaced: nothing is printed; each iteration waits for the parent before it starts and
     * is reported when it ends.
     */
    private static final class Turns implements OutputFormat {

        private final ChildChannel channel;
        private final String metric;
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long wallStart;
        private long cpuStart;

        Turns(ChildChannel channel, String metric) {
            this.channel = channel;
            this.metric = metric;
        }

        @Override
        public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
            if (await(channel) != MeasureCommand.SLICE) {
                throw new Stopped();
            }
            wallStart = System.nanoTime();
            cpuStart = os.getProcessCpuTime();
        }

        /**
         * Reports JMH's score (per wall-clock second) and the same work per CPU-second of this whole JVM
         * (GC and JIT threads included): time spent waiting for a core that other programs hold is not
         * this code's cost, so the CPU figure holds on a busy machine where the wall-clock one does not.
         */
        @Override
        public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                    IterationResult data) {
            long wall = System.nanoTime() - wallStart;
            long cpu = Math.max(1, os.getProcessCpuTime() - cpuStart);
            double score = data.getPrimaryResult().getScore();
            boolean warmup = params.getType() == IterationType.WARMUP;
            channel.send(warmup ? "warmed" : "sample", "metric", metric, "value", score, "perCpu", score * wall / cpu);
        }

        @Override
        public void startBenchmark(BenchmarkParams benchParams) {
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
        }

        @Override
        public void startRun() {
        }

        @Override
        public void endRun(Collection<RunResult> result) {
        }

        @Override
        public void print(String s) {
        }

        @Override
        public void println(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public void verbosePrintln(String s) {
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b) {
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
