package dev.hotpath.grader.exercise;

/**
 * A performance metric of an exercise, compared as a ratio: the submission's value over the starter's
 * value, measured in the same grading run.
 *
 * @param name        short id, e.g. {@code origin-calls}
 * @param description what is measured, in a learner's words
 * @param kind        a deterministic counter or a JMH benchmark
 * @param target      for a counter, a class implementing {@code java.util.function.LongSupplier};
 *                    for a benchmark, the fully qualified benchmark method
 * @param unit        unit of the measured values, e.g. {@code calls} or {@code ops/s}
 * @param direction   whether lower or higher values are better
 * @param threshold   the ratio bound: at most this for {@code lower}, at least this for {@code higher}
 */
public record Metric(String name, String description, Kind kind, String target, String unit,
                     Direction direction, double threshold) {

    public enum Kind { COUNTER, BENCHMARK }

    public enum Direction {
        LOWER, HIGHER;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether a submission/starter ratio clears this metric's threshold. */
    public boolean passes(double ratio) {
        return direction == Direction.LOWER ? ratio <= threshold : ratio >= threshold;
    }

    /** How many times better than the starter the threshold demands, e.g. 2.5 for "lower, 0.4". */
    public double requiredImprovement() {
        return direction == Direction.LOWER ? 1 / threshold : threshold;
    }

    /** How many times better than the starter a ratio is. */
    public double improvement(double ratio) {
        return direction == Direction.LOWER ? 1 / ratio : ratio;
    }
}
