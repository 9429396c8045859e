package dev.hotpath.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * One performance metric, measured on the starter and the submission in the same grading run.
 *
 * @param metric      the metric's name from exercise.yaml
 * @param direction   which way is better ({@code lower} or {@code higher} in JSON)
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
 * @param diagnostic  one line, in the exercise's terms, on what the submission's counted run did (e.g. "your
 *                    cache made 29,002 different keys for 3,837 different pages"); only for a counter whose
 *                    exercise has a diagnostic, absent from JSON otherwise
 */
public record MetricResult(String metric, String description, String unit, Direction direction,
                           double starter, double submission, double ratio, double ratioLow, double ratioHigh,
                           double confidence, double threshold, Outcome outcome,
                           List<Double> starterSamples, List<Double> submissionSamples,
                           @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> diagnostic) {

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
        diagnostic = diagnostic == null ? Optional.empty() : diagnostic;
    }

    /** The same result with what the metric's diagnostic said about it. */
    public MetricResult withDiagnostic(Optional<String> why) {
        return new MetricResult(metric, description, unit, direction, starter, submission, ratio, ratioLow, ratioHigh,
                confidence, threshold, outcome, starterSamples, submissionSamples, why);
    }

    /** Whether the metric cleared its threshold (an undecided metric has not). */
    public boolean passed() {
        return outcome == Outcome.CLEARED;
    }
}
