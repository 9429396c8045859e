package dev.hotpath.grader.report;

import java.util.List;

/**
 * One performance metric, measured on the starter and the submission in the same grading run.
 *
 * @param metric      the metric's name from exercise.yaml
 * @param direction   {@code lower} or {@code higher}: which way is better
 * @param starter     the starter's median
 * @param submission  the submission's median
 * @param ratio       submission / starter
 * @param threshold   the bound the ratio must meet: at most (lower) or at least (higher)
 * @param starterSamples    every value measured for the starter (one per iteration or per fork)
 * @param submissionSamples every value measured for the submission
 */
public record MetricResult(String metric, String description, String unit, String direction,
                           double starter, double submission, double ratio, double threshold, boolean passed,
                           List<Double> starterSamples, List<Double> submissionSamples) {

    public MetricResult {
        starterSamples = List.copyOf(starterSamples);
        submissionSamples = List.copyOf(submissionSamples);
    }
}
