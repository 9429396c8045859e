package dev.hotpath.grader.child;

import java.util.ArrayList;
import java.util.List;

/**
 * What one measurement JVM is asked to measure. The parent writes it as program arguments with
 * {@link #toArgs()} and {@link MeasureMain} reads it back with {@link #parse}: one class owns both
 * sides of the format, so they cannot drift apart.
 *
 * @param warmupSlices slices run before any is measured (JIT warm-up), per benchmark
 * @param maxSlices    the most measured slices a benchmark may be asked for; the parent usually stops earlier
 * @param sliceMillis  the length of one slice (one JMH iteration)
 * @param counters     counter metrics and their probe classes, in order
 * @param benchmarks   benchmark metrics and their JMH methods, in order
 */
public record MeasurePlan(int warmupSlices, int maxSlices, int sliceMillis, List<Target> counters,
                          List<Target> benchmarks) {

    /** A metric and what measures it: a probe class for a counter, a JMH method for a benchmark. */
    public record Target(String metric, String target) {
    }

    public MeasurePlan {
        counters = List.copyOf(counters);
        benchmarks = List.copyOf(benchmarks);
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                String.valueOf(warmupSlices), String.valueOf(maxSlices), String.valueOf(sliceMillis),
                String.valueOf(counters.size())));
        counters.forEach(target -> args.addAll(List.of(target.metric(), target.target())));
        benchmarks.forEach(target -> args.addAll(List.of(target.metric(), target.target())));
        return args;
    }

    public static MeasurePlan parse(String[] args) {
        int counterCount = Integer.parseInt(args[3]);
        List<Target> counters = new ArrayList<>();
        List<Target> benchmarks = new ArrayList<>();
        for (int i = 4; i + 1 < args.length; i += 2) {
            (counters.size() < counterCount ? counters : benchmarks).add(new Target(args[i], args[i + 1]));
        }
        return new MeasurePlan(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                counters, benchmarks);
    }
}
