package dev.hotpath.grader.child;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one measurement JVM is asked to measure. The parent writes it as program arguments with
 * {@link #toArgs()} and {@link MeasureMain} reads it back with {@link #parse}: one class owns both
 * sides of the format, so they cannot drift apart.
 *
 * @param warmupSlices slices run before any is measured (JIT warm-up), per benchmark
 * @param maxSlices    the most measured slices a benchmark may be asked for; the parent usually stops earlier
 * @param sliceMillis  the length of one slice (one JMH iteration)
 * @param counters     counter metrics, their probe classes and diagnostics, in order
 * @param benchmarks   benchmark metrics and their JMH methods, in order
 */
public record MeasurePlan(int warmupSlices, int maxSlices, int sliceMillis, List<Counter> counters,
                          List<Benchmark> benchmarks) {

    /**
     * A counter metric: its probe (a {@code LongSupplier}) and, when this JVM should say what the counted
     * run did, its diagnostic (a {@code Supplier<String>}).
     */
    public record Counter(String metric, String probe, Optional<String> diagnostic) {
    }

    /** A benchmark metric and its JMH method. */
    public record Benchmark(String metric, String method) {
    }

    /** Stands for "no diagnostic" in the arguments: no class can have this name. */
    private static final String NONE = "-";

    public MeasurePlan {
        counters = List.copyOf(counters);
        benchmarks = List.copyOf(benchmarks);
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                String.valueOf(warmupSlices), String.valueOf(maxSlices), String.valueOf(sliceMillis),
                String.valueOf(counters.size())));
        counters.forEach(counter -> args.addAll(List.of(counter.metric(), counter.probe(),
                counter.diagnostic().orElse(NONE))));
        benchmarks.forEach(benchmark -> args.addAll(List.of(benchmark.metric(), benchmark.method())));
        return args;
    }

    public static MeasurePlan parse(String[] args) {
        int counterCount = Integer.parseInt(args[3]);
        List<Counter> counters = new ArrayList<>();
        int at = 4;
        for (; counters.size() < counterCount; at += 3) {
            counters.add(new Counter(args[at], args[at + 1],
                    args[at + 2].equals(NONE) ? Optional.empty() : Optional.of(args[at + 2])));
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (; at + 1 < args.length; at += 2) {
            benchmarks.add(new Benchmark(args[at], args[at + 1]));
        }
        return new MeasurePlan(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                counters, benchmarks);
    }
}
