package dev.hotpath.platform.course;

import dev.hotpath.grader.yaml.YamlException;

import java.nio.file.Path;

/**
 * One thing wrong with the course content, at a place an author can open.
 *
 * @param line 1-based; 0 when the problem concerns the whole file
 */
public record ContentProblem(Path file, int line, String message) {

    /** A YAML problem found by {@code YamlMap}, e.g. in a front matter or a quiz block of {@code file}. */
    static ContentProblem of(Path file, String where, YamlException e) {
        String field = e.field().isEmpty() ? "" : e.field() + ": ";
        return new ContentProblem(file, e.line(), where + ": " + field + e.reason());
    }

    @Override
    public String toString() {
        return YamlException.displayName(file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
