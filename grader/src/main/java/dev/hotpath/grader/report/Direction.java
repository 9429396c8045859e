package dev.hotpath.grader.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which way a metric improves: written {@code lower} or {@code higher} in exercise.yaml and in reports. */
public enum Direction {
    LOWER, HIGHER;

    /** The name in exercise.yaml and in reports. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a submission/starter ratio meets a threshold in this direction. */
    public boolean meets(double ratio, double threshold) {
        return this == LOWER ? ratio <= threshold : ratio >= threshold;
    }

    /** "≤" or "≥": how a ratio must compare with its threshold. */
    public String symbol() {
        return this == LOWER ? "≤" : "≥";
    }

    /** "at most" or "at least", for sentences about a threshold. */
    public String bound() {
        return this == LOWER ? "at most" : "at least";
    }

    /** How many times better than the starter a ratio is in this direction, e.g. 2.5 for 0.4 lower. */
    public double improvement(double ratio) {
        return this == LOWER ? 1 / ratio : ratio;
    }

    public static Optional<Direction> byId(String id) {
        return Arrays.stream(values()).filter(direction -> direction.id().equals(id)).findFirst();
    }

    @JsonCreator
    static Direction fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no direction is named \"" + id + "\""));
    }
}
