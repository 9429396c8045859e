package dev.hotpath.platform.course;

import dev.hotpath.grader.exercise.ManifestReader;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The YAML block between {@code ---} lines that opens a lesson. Keeps the parsed YAML so that
 * problems found later (a duplicate id, a missing exercise) can point at the right line.
 */
record FrontMatter(String id, String title, int order, List<String> exercises, int estimatedMinutes, YamlMap yaml) {

    private static final List<String> KEYS = List.of("id", "title", "order", "exercises", "estimated-minutes");
    private static final String FENCE = "---";

    /** A lesson file split into its front matter and its Markdown. */
    record Split(String yaml, String markdown) {
    }

    /**
     * Splits off the front matter. The Markdown keeps a blank line for every front-matter line, so
     * that its line numbers are the file's.
     */
    static Optional<Split> split(Path file, String text, List<ContentProblem> problems) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            problems.add(new ContentProblem(file, 1, "a lesson must start with front matter between '---' lines ("
                    + String.join(", ", KEYS) + ")"));
            return Optional.empty();
        }
        for (int end = 1; end < lines.size(); end++) {
            if (lines.get(end).strip().equals(FENCE)) {
                String yaml = String.join("\n", lines.subList(1, end));
                String markdown = "\n".repeat(end + 1) + String.join("\n", lines.subList(end + 1, lines.size()));
                return Optional.of(new Split(yaml, markdown));
            }
        }
        problems.add(new ContentProblem(file, 1, "the front matter has no closing '---' line"));
        return Optional.empty();
    }

    /** Reads every field, reporting each bad one; empty if any was bad. */
    static Optional<FrontMatter> read(Path file, String yamlText, List<ContentProblem> problems) {
        YamlMap yaml;
        try {
            // The YAML starts on the file's second line, after the opening '---'.
            yaml = YamlMap.parse(YamlException.displayName(file), yamlText, 1).allowOnly(KEYS);
        } catch (YamlException e) {
            problems.add(ContentProblem.of(file, "front matter", e));
            return Optional.empty();
        }
        int before = problems.size();
        String id = field(file, problems, () -> {
            String value = yaml.nonBlankString("id");
            if (!ManifestReader.ID.matcher(value).matches()) {
                throw yaml.error("id", "must be lower-case words joined by dashes, got \"" + value + "\"");
            }
            return value;
        });
        String title = field(file, problems, () -> yaml.nonBlankString("title"));
        Integer order = field(file, problems, () -> requiredInteger(yaml, "order", 0, 99));
        List<String> exercises = field(file, problems, () -> exerciseIds(yaml));
        Integer minutes = field(file, problems, () -> requiredInteger(yaml, "estimated-minutes", 1, 600));
        // A field is null exactly when reading it added a problem.
        if (problems.size() > before
                || id == null || title == null || order == null || exercises == null || minutes == null) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(id, title, order, exercises, minutes, yaml));
    }

    private static List<String> exerciseIds(YamlMap yaml) throws YamlException {
        List<String> ids = yaml.strings("exercises");
        for (String id : ids) {
            if (!ManifestReader.ID.matcher(id).matches()) {
                throw yaml.error("exercises", "\"" + id + "\" is not an exercise id (lower-case words joined by dashes)");
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw yaml.error("exercises", "names an exercise twice");
        }
        return ids;
    }

    private static int requiredInteger(YamlMap yaml, String key, int min, int max) throws YamlException {
        if (!yaml.has(key)) {
            throw yaml.error(key, "is missing");
        }
        return yaml.integer(key, 0, min, max);
    }

    private interface Field<T> {
        T read() throws YamlException;
    }

    private static <T> @Nullable T field(Path file, List<ContentProblem> problems, Field<T> field) {
        try {
            return field.read();
        } catch (YamlException e) {
            problems.add(ContentProblem.of(file, "front matter", e));
            return null;
        }
    }
}
