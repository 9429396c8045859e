package dev.hotpath.grader.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The grader's stages, in the order they run. The grader reports them, the platform shows them: one
 * list for both, written in reports and progress events by {@link #id()}.
 */
public enum Stage {
    COMPILE("Compiling"),
    POLICY("Policy check"),
    TESTS("Tests"),
    PERFORMANCE("Performance (benchmark)");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    /** The name in reports and events, e.g. {@code tests}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A heading for people, e.g. "Policy check". */
    public String title() {
        return title;
    }

    /** The stage with this {@link #id()}, if there is one. */
    public static Optional<Stage> byId(String id) {
        return Arrays.stream(values()).filter(stage -> stage.id().equals(id)).findFirst();
    }

    @JsonCreator
    static Stage fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no grading stage is named \"" + id + "\""));
    }
}
