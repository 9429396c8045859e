package dev.hotpath.grader.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

/** Numbers as people read them in reports: three significant digits, no trailing zeros. */
public final class Numbers {

    private static final MathContext THREE_DIGITS = new MathContext(3);

    private Numbers() {
    }

    /** {@code 0.005} stays 0.005, {@code 165.88} becomes 166, {@code 2.4} stays 2.4. */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** The median of some values; NaN for none. */
    public static double median(Collection<? extends Number> values) {
        return medianOfSorted(values.stream().mapToDouble(Number::doubleValue).sorted().toArray());
    }

    /** The median of values already in ascending order; NaN for none. */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A metric's ratio with its interval, e.g. {@code 5.9× [5.3–6.6]}; a counter's exact ratio alone. */
    public static String ratio(MetricResult metric) {
        String ratio = significant(metric.ratio()) + "×";
        return metric.ratioLow() == metric.ratioHigh() ? ratio
                : ratio + " [" + significant(metric.ratioLow()) + "–" + significant(metric.ratioHigh()) + "]";
    }

    /**
     * How far a metric got against what it needed, both as times better than the starter, e.g.
     * {@code 1.5× fewer than the starter, needs 2.5×} for a lower-is-better metric.
     */
    public static String shortfall(MetricResult metric) {
        boolean lower = metric.direction() == Direction.LOWER;
        double shift = lower ? 1 / metric.ratio() : metric.ratio();
        String word = lower ? "fewer" : "more";
        return (shift > 1 ? significant(shift) + "× " + word : "no " + word) + " than the starter, needs "
                + significant(lower ? 1 / metric.threshold() : metric.threshold()) + "×";
    }
}
