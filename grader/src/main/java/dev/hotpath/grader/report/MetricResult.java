package dev.hotpath.grader.report;

import java.util.List;

/**
 * One performance metric, measured on the starter and the submission in the same grading run.
 *
 * @param metric      the metric's name from exercise.yaml
 * @param direction   {@code lower} or {@code higher}: which way is better
 * @param starter     the starter's median
 * @param submission  the submission's median
 * @param ratio       the point estimate of submission / starter
 * @param ratioLow    lower bound of the ratio's confidence interval ({@code ratioLow ≤ ratio ≤ ratioHigh});
 *                    equal to {@code ratio} for a deterministic counter
 * @param ratioHigh   upper bound of that interval
 * @param confidence  the interval's confidence level (e.g. 0.95); 1 for a deterministic counter
 * @param threshold   the bound the ratio must meet: at most (lower) or at least (higher)
 * @param outcome     whether the whole interval clears the threshold, misses it, or straddles it
 * @param starterSamples    every value measured for the starter
 * @param submissionSamples every value measured for the submission
 */
public record MetricResult(String metric, String description, String unit, String direction,
                           double starter, double submission, double ratio, double ratioLow, double ratioHigh,
                           double confidence, double threshold, Outcome outcome,
                           List<Double> starterSamples, List<Double> submissionSamples) {

    /** What the data say about a metric's threshold. */
    public enum Outcome {
        /** The whole interval meets the threshold. */
        CLEARED,
        /** The whole interval misses the threshold. */
        MISSED,
        /** The interval straddles the threshold: the data cannot decide. */
        UNDECIDED
    }

    public MetricResult {
        starterSamples = List.copyOf(starterSamples);
        submissionSamples = List.copyOf(submissionSamples);
    }

    /** Whether the metric cleared its threshold (an undecided metric has not). */
    public boolean passed() {
        return outcome == Outcome.CLEARED;
    }
}
