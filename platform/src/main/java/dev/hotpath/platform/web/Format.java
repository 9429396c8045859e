package dev.hotpath.platform.web;

import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** How pages write times and numbers; templates reach it as {@code fmt}. */
public final class Format {

    static final Format INSTANCE = new Format();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** e.g. 2026-11-30 09:41:07 UTC; a dash for no time. */
    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** ISO-8601 for {@code <time datetime>} and the API; empty for no time. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** e.g. 12.3 s, 850 ms. */
    public String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        return millis(Duration.between(from, to).toMillis());
    }

    private String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Four significant digits, grouped: 30,000 or 0.1312. */
    public String number(double value) {
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }

    /** A metric's ratio with its interval, as the CLI prints it: {@code 5.9× [5.3–6.6]}. */
    public String ratio(MetricResult metric) {
        return Numbers.ratio(metric);
    }

    /** How far a metric that fell short got, against what it needed: {@code 1.5× fewer than the starter, needs 2.5×}. */
    public String shortfall(MetricResult metric) {
        return Numbers.shortfall(metric);
    }

    public String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    public String median(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "—";
    }
}
