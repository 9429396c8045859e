package dev.hotpath.grader.report;

/**
 * What a grading measured with, so that a disputed verdict can be measured again the same way
 * ({@code grade --seed}) and a reader can see how busy the machine was.
 *
 * @param seed             the workload seed both sides ran with
 * @param warmupSlices     unmeasured slices per side before the first pair
 * @param sliceMillis      length of one slice
 * @param pairs            measured pairs, the most any benchmark metric needed
 * @param confidence       the confidence of every reported interval, over all rounds together
 * @param loadBefore       the host's one-minute load average when the measurement started
 * @param loadAfter        the same when it ended
 * @param starterVariation the starter's slice-to-slice variation (median absolute deviation over median):
 *                         a few percent on a quiet machine, more when other work interfered
 * @param waitedMillis     how long this grading waited for other measurements on the host to finish
 */
public record MeasurementConditions(long seed, int warmupSlices, int sliceMillis, int pairs, double confidence,
                                    double loadBefore, double loadAfter, double starterVariation, long waitedMillis) {
}
