package dev.hotpath.platform.web;

import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.report.MetricResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance table as a picture, drawn as inline SVG by the result page: per metric one bar for
 * the starter and one for the submission, in "times better than the starter" so that lower-is-better
 * and higher-is-better metrics read the same way, and a dashed line where the threshold lies. This
 * class only computes the geometry; the template draws it and escapes every label.
 */
final class PerformanceChart {

    record Bar(double x, double y, double width, double height, String cssClass, String label, String value) {
    }

    record Marker(double x, double y1, double y2, String label) {
    }

    /** A timing ratio's confidence interval, drawn as a whisker across the submission's bar. */
    record Interval(double x1, double x2, double y) {
    }

    /** @param intervals the submission's interval, or none for an exact counter */
    record Row(String metric, double y, List<Bar> bars, Marker threshold, List<Interval> intervals) {
    }

    record Chart(double width, double height, double plotX, List<Row> rows, List<Tick> ticks) {
    }

    record Tick(double x, String label) {
    }

    static final double WIDTH = 640;
    static final double MAX_IMPROVEMENT = 100;
    private static final double PLOT_X = 150;
    private static final double PLOT_RIGHT_MARGIN = 70;
    private static final double BAR_HEIGHT = 18;
    private static final double BAR_GAP = 4;
    private static final double ROW_GAP = 26;
    private static final double TOP = 4;
    /** Room above a metric's bars for its name. */
    private static final double TITLE_HEIGHT = 22;
    private static final double AXIS_HEIGHT = 24;

    private PerformanceChart() {
    }

    static Chart of(List<MetricResult> metrics) {
        double scaleMax = 1;
        for (MetricResult metric : metrics) {
            scaleMax = Math.max(scaleMax, Math.max(improvement(metric, metric.ratio()), improvement(metric, metric.threshold())));
            scaleMax = Math.max(scaleMax, Math.max(improvement(metric, metric.ratioLow()), improvement(metric, metric.ratioHigh())));
        }
        scaleMax *= 1.1;
        double plotWidth = WIDTH - PLOT_X - PLOT_RIGHT_MARGIN;
        List<Row> rows = new ArrayList<>();
        double y = TOP;
        for (MetricResult metric : metrics) {
            double titleY = y;
            y += TITLE_HEIGHT;
            double submission = improvement(metric, metric.ratio());
            double threshold = improvement(metric, metric.threshold());
            List<Bar> bars = List.of(
                    bar(y, 1, scaleMax, plotWidth, "bar-starter", "starter", "1×"),
                    bar(y + BAR_HEIGHT + BAR_GAP, submission, scaleMax, plotWidth,
                            switch (metric.outcome()) {
                                case CLEARED -> "bar-passed";
                                case MISSED -> "bar-failed";
                                case UNDECIDED -> "bar-undecided";
                            }, "yours", times(submission)));
            double markerX = round(PLOT_X + plotWidth * threshold / scaleMax);
            double barMiddle = y + BAR_HEIGHT + BAR_GAP + BAR_HEIGHT / 2;
            List<Interval> intervals = metric.ratioLow() == metric.ratioHigh() ? List.of()
                    : List.of(new Interval(x(improvement(metric, metric.ratioLow()), scaleMax, plotWidth),
                    x(improvement(metric, metric.ratioHigh()), scaleMax, plotWidth), barMiddle));
            rows.add(new Row(metric.metric(), titleY, bars, new Marker(markerX, y - 3, y + 2 * BAR_HEIGHT + BAR_GAP + 3,
                    "needs " + times(threshold)), intervals));
            y += 2 * BAR_HEIGHT + BAR_GAP + ROW_GAP;
        }
        List<Tick> ticks = new ArrayList<>();
        double step = scaleMax > 8 ? Math.ceil(scaleMax / 5) : 1;
        for (double value = 0; value <= scaleMax; value += step) {
            ticks.add(new Tick(round(PLOT_X + plotWidth * value / scaleMax), times(value)));
        }
        return new Chart(WIDTH, y - ROW_GAP + AXIS_HEIGHT + TOP, PLOT_X, rows, ticks);
    }

    /**
     * How many times better than the starter a ratio is: 1/ratio when lower is better. Capped at
     * {@value #MAX_IMPROVEMENT}× so that a submission that drove a counter to zero still fits the chart.
     */
    static double improvement(MetricResult metric, double ratio) {
        if (ratio <= 0) {
            return metric.direction() == Direction.LOWER ? MAX_IMPROVEMENT : 0;
        }
        return Math.min(MAX_IMPROVEMENT, metric.direction().improvement(ratio));
    }

    private static Bar bar(double y, double value, double scaleMax, double plotWidth, String cssClass, String label,
                           String text) {
        return new Bar(PLOT_X, y, round(Math.max(1, plotWidth * value / scaleMax)), BAR_HEIGHT, cssClass, label, text);
    }

    private static double x(double value, double scaleMax, double plotWidth) {
        return round(PLOT_X + plotWidth * value / scaleMax);
    }

    /** SVG needs no more precision than a tenth of a pixel. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String times(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f×" : "%.1f×", value);
    }
}
