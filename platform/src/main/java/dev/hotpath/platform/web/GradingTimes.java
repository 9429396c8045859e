package dev.hotpath.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * How long grading an exercise takes, as this platform measured it on its latest gradings: what the
 * exercise page promises a learner before they submit, instead of a guess.
 *
 * @param gradings how many gradings the figures come from; 0 when there were none yet
 */
record GradingTimes(int gradings, long medianMillis, long ninetiethMillis) {

    /** The gradings a figure is taken from: recent enough to reflect this machine's load now. */
    static final int RECENT = 50;

    static GradingTimes of(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty() ? new GradingTimes(0, 0, 0)
                : new GradingTimes(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    /** e.g. "Recent gradings of this exercise took 48 s (median), 1 min 12 s for 9 in 10 (last 23 gradings), …". */
    String sentence() {
        if (gradings == 0) {
            return "No grading of this exercise has finished here yet, so there is no time to quote: grading compiles"
                    + " your code, runs the tests, then measures it against the starter.";
        }
        if (gradings < 10) {
            // With fewer than ten, the ninetieth percentile is the slowest one.
            return "Recent gradings of this exercise took " + duration(medianMillis) + " (median of " + gradings
                    + "), at most " + duration(ninetiethMillis) + ", plus any wait in the queue.";
        }
        return "Recent gradings of this exercise took " + duration(medianMillis) + " (median), " + duration(ninetiethMillis)
                + " for 9 in 10 (last " + gradings + " gradings), plus any wait in the queue.";
    }

    /** Nearest rank: the smallest value with at least {@code fraction} of the values at or below it. */
    private static long percentile(List<Long> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String duration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return Math.max(seconds, 1) + " s";
        }
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
