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
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
            // Each COUNT runs the next counter, each COUNT_AGAIN the same one once more (a timed counter is
            // measured in pairs). The first other command ends the counting: it is the first benchmark's
            // first slice, or the request for the diagnostics.
            int counted = 0;
            MeasureCommand command = await(channel);
            for (; command == MeasureCommand.COUNT || command == MeasureCommand.COUNT_AGAIN; command = await(channel)) {
                boolean next = command == MeasureCommand.COUNT;
                if (next ? counted == plan.counters().size() : counted == 0) { // more than planned, or again before any
                    ChildChannel.halt();
                }
                if (next) {
                    counted++;
                }
                count(channel, plan.counters().get(counted - 1));
            }
            if (counted != plan.counters().size()) {
                ChildChannel.halt();
            }
            Optional<MeasureCommand> pending = Optional.of(command);
            for (MeasurePlan.Benchmark benchmark : plan.benchmarks()) {
                benchmark(channel, benchmark, plan, pending);
                pending = Optional.empty();
            }
            // The parent either asks for the diagnostics or closes the input, which ends this JVM.
            if (plan.counters().stream().anyMatch(counter -> counter.diagnostic().isPresent())
                    && pending.orElseGet(() -> await(channel)) == MeasureCommand.DIAGNOSE) {
                for (MeasurePlan.Counter counter : plan.counters()) {
                    counter.diagnostic().ifPresent(diagnostic ->
                            channel.send(new ChildEvent.Diagnosed(counter.metric(), diagnose(diagnostic).orElse(""))));
                }
            }
            channel.send(new ChildEvent.Done());
        } catch (Throwable t) {
            channel.send(new ChildEvent.Crashed(Failures.describe(t)));
        } finally {
            ChildChannel.halt();
        }
    }

    private static MeasureCommand await(ChildChannel channel) {
        try {
            return channel.awaitCommand();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(ChildChannel channel, MeasurePlan.Counter counter) {
        LongSupplier probe = instance(counter.probe(), LongSupplier.class, "a counter");
        long value;
        try {
            value = probe.getAsLong();
        } catch (RuntimeException | Error e) {
            channel.send(new ChildEvent.MetricFailed(counter.metric(), Failures.describe(e)));
            return;
        }
        channel.send(new ChildEvent.Counted(counter.metric(), value));
    }

    /**
     * What the exercise's diagnostic says about the submission's code. It explains and never decides: when
     * it fails or has nothing to say, the metric simply has no diagnostic.
     */
    @SuppressWarnings("unchecked")
    private static Optional<String> diagnose(String diagnostic) {
        Supplier<String> explainer = instance(diagnostic, Supplier.class, "a diagnostic");
        try {
            String line = explainer.get();
            return line == null || line.isBlank() ? Optional.empty() : Optional.of(line.strip().lines().findFirst().orElse(""));
        } catch (RuntimeException | Error e) {
            System.err.println("hotpath: the diagnostic " + diagnostic + " failed: " + Failures.describe(e));
            return Optional.empty();
        }
    }

    /** A new instance of an exercise's class; a class that cannot be used is the exercise's fault. */
    private static <T> T instance(String className, Class<T> type, String role) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot use " + className + " as " + role + ": " + e, e);
        }
    }

    /** Thrown from the iteration hook to end a benchmark early; JMH unwinds and cleans up its threads. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by the parent", null, false, false);
        }
    }

    /** Runs one benchmark, a slice per SLICE; {@code first} is its first command when that was read already. */
    private static void benchmark(ChildChannel channel, MeasurePlan.Benchmark benchmark, MeasurePlan plan,
                                  Optional<MeasureCommand> first) {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.method()) + "$")
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
            results = new Runner(options, new Turns(channel, benchmark.metric(), first)).run();
        } catch (Exception e) {
            if (!stoppedByParent(e)) {
                channel.send(new ChildEvent.MetricFailed(benchmark.metric(), Failures.describe(rootCause(e))));
            }
            return;
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH found no benchmark named " + benchmark.method());
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
        private Optional<MeasureCommand> pending;
        private long wallStart;
        private long cpuStart;

        Turns(ChildChannel channel, String metric, Optional<MeasureCommand> pending) {
            this.channel = channel;
            this.metric = metric;
            this.pending = pending;
        }

        @Override
        public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
            MeasureCommand command = pending.orElseGet(() -> await(channel));
            pending = Optional.empty();
            if (command != MeasureCommand.SLICE) {
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
            channel.send(new ChildEvent.Sliced(metric, warmup, score, score * wall / cpu));
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

    /** Whether the parent's STOP ended the run: JMH reports it as a suppressed failure of its own exception. */
    private static boolean stoppedByParent(Throwable failure) {
        if (failure instanceof Stopped) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (stoppedByParent(suppressed)) {
                return true;
            }
        }
        return failure.getCause() != null && failure.getCause() != failure && stoppedByParent(failure.getCause());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
