package dev.hotpath.grader.exercise;

/**
 * How benchmarks and timed counters are measured: the starter and the submission run in two JVMs that
 * take turns, one slice (a JMH iteration, or one run of a timed counter) at a time; each measured pair of
 * adjacent slices gives one ratio. Warm-up slices are a benchmark's only: a timed counter warms itself up. After
 * {@code warmupSlices} unmeasured slices per side, {@code pairs} pairs are measured per round; a round
 * ends the measurement as soon as the ratio's interval decides the threshold, and at most
 * {@code maxRounds} rounds run. docs/measurement.md explains the choice of these numbers.
 */
public record Measurement(int warmupSlices, int sliceMillis, int pairs, int maxRounds, Clock clock) {

    /** What a benchmark's throughput is per: wall-clock seconds, or CPU-seconds of the measurement JVM. */
    public enum Clock {
        /** For benchmarks that wait (locks, simulated I/O): their cost is time, not CPU. */
        WALL,
        /**
         * For benchmarks that only compute: time spent waiting for a core held by other programs is not
         * counted, so a busy machine barely moves the figure. GC and JIT work of the JVM is counted.
         */
        CPU
    }

    /** Chosen by measurement on a 2-core machine (docs/measurement.md). */
    public static final Measurement DEFAULT = new Measurement(5, 100, 12, 3, Clock.WALL);

    /** The most measured slices one side may be asked for. */
    public int maxSlices() {
        return pairs * maxRounds;
    }
}
