package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;

import java.util.List;

/**
 * The ratio of a timing metric with a distribution-free confidence interval: the median of the
 * per-pair ratios, bounded by the order statistics that cover the true median with at least the
 * requested confidence (the binomial sign-test interval). It assumes nothing about the shape of the
 * noise, only that pairs are independent, and the same ratios always give the same interval.
 *
 * @param ratio      the median pair ratio
 * @param low        lower bound; the smallest ratio when too few pairs exist for the confidence
 * @param high       upper bound; the largest ratio in that case
 * @param bounded    whether enough pairs exist for the bounds to carry the confidence at all
 */
record RatioInterval(double ratio, double low, double high, boolean bounded) {

    /**
     * @param ratios one ratio per pair (submission slice / starter slice), at least one
     * @param alpha  the chance the interval may miss the true median, e.g. 0.05 for 95 %
     */
    static RatioInterval of(List<Double> ratios, double alpha) {
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = Numbers.medianOfSorted(sorted);
        int k = rank(n, alpha);
        if (k == 0) {
            return new RatioInterval(median, sorted[0], sorted[n - 1], false);
        }
        return new RatioInterval(median, sorted[k - 1], sorted[n - k], true);
    }

    /**
     * The largest k such that P(Binomial(n, ½) ≤ k − 1) ≤ α/2, so [x(k), x(n−k+1)] covers the median
     * with probability at least 1 − α; 0 when even [min, max] is not enough.
     */
    static int rank(int n, double alpha) {
        double tail = 0;
        double term = Math.pow(0.5, n); // P(X = 0)
        int k = 0;
        for (int i = 0; i < n; i++) {
            tail += term;
            if (tail > alpha / 2) {
                break;
            }
            k = i + 1;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(k, (n + 1) / 2);
    }

    /** Whether the whole interval meets the metric's threshold, misses it, or neither. */
    MetricResult.Outcome decide(Metric metric) {
        if (bounded && metric.passes(low) && metric.passes(high)) {
            return MetricResult.Outcome.CLEARED;
        }
        if (bounded && !metric.passes(low) && !metric.passes(high)) {
            return MetricResult.Outcome.MISSED;
        }
        return MetricResult.Outcome.UNDECIDED;
    }
}
