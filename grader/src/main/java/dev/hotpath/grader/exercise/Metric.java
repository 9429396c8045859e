package dev.hotpath.grader.exercise;

import dev.hotpath.grader.report.Direction;

import java.util.Optional;

/**
 * A performance metric of an exercise, compared as a ratio: the submission's value over the starter's
 * value, measured in the same grading run.
 *
 * @param name        short id, e.g. {@code origin-calls}
 * @param description what is measured, in a learner's words
 * @param kind        a deterministic counter, a timed counter or a JMH benchmark
 * @param target      for a counter of either kind, a class implementing {@code java.util.function.LongSupplier};
 *                    for a benchmark, the fully qualified benchmark method
 * @param unit        unit of the measured values, e.g. {@code calls} or {@code ops/s}
 * @param direction   whether lower or higher values are better
 * @param threshold   the ratio bound: at most this for {@code lower}, at least this for {@code higher}
 * @param diagnostic  for a counter, a class implementing {@code java.util.function.Supplier<String>} that says,
 *                    in the exercise's terms, what the counted run did (e.g. "29,002 different keys for 3,837
 *                    pages"); it runs in the same measurement JVM right after the counter
 */
public record Metric(String name, String description, Kind kind, String target, String unit,
                     Direction direction, double threshold, Optional<String> diagnostic) {

    public enum Kind {
        /** Counts something the code does (calls, bytes, round trips): one run per side decides. */
        COUNTER,
        /**
         * A counter whose value is a timing (e.g. time spent waiting): it varies from run to run and with
         * the machine's load, so it is measured in A B / B A pairs and decides by its interval, like a benchmark.
         */
        TIMED_COUNTER,
        /** A JMH benchmark method, measured in paired slices. */
        BENCHMARK;

        /** Whether the target is a counter class (a {@code LongSupplier}), timed or not. */
        public boolean counts() {
            return this != BENCHMARK;
        }

        /** Whether the metric is measured in pairs and decided by a confidence interval. */
        public boolean paired() {
            return this != COUNTER;
        }
    }

    /** Whether a submission/starter ratio clears this metric's threshold. */
    public boolean passes(double ratio) {
        return direction.meets(ratio, threshold);
    }

    /** How many times better than the starter the threshold demands, e.g. 2.5 for "lower, 0.4". */
    public double requiredImprovement() {
        return direction.improvement(threshold);
    }

    /** How many times better than the starter a ratio is. */
    public double improvement(double ratio) {
        return direction.improvement(ratio);
    }
}
