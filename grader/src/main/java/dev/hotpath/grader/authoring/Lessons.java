package dev.hotpath.grader.authoring;

import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lessons folder as far as exercises are concerned: each lesson's id and the {@code exercises}
 * of its front matter. The platform reads lessons in full and refuses to start when a lesson and an
 * exercise disagree; this lets {@code validate --check} and {@code new} see that first. A lesson
 * whose front matter does not parse is left out: the platform's course check reports it.
 */
final class Lessons {

    /** @param exercisesLine the file's line of the {@code exercises:} value, 0 when there is none */
    record Lesson(Path file, String id, String title, List<String> exercises, int exercisesLine) {
    }

    private static final String FENCE = "---";
    private static final String INTRODUCTION = "README.md";
    private static final Pattern FLOW_LIST = Pattern.compile("(exercises:\\s*\\[)([^\\]]*)(\\].*)");
    private static final Pattern BLOCK_ITEM = Pattern.compile("(\\s*)- .*");

    private Lessons() {
    }

    /** Every lesson in {@code lessonsDir}, by file name; empty when the folder does not exist. */
    static List<Lesson> read(Path lessonsDir) {
        if (!Files.isDirectory(lessonsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lessonsDir)) {
            List<Lesson> lessons = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals(INTRODUCTION)).sorted().toList()) {
                frontMatter(Files.readString(file, StandardCharsets.UTF_8)).flatMap(yaml -> lesson(file, yaml))
                        .ifPresent(lessons::add);
            }
            return lessons;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lessons in " + lessonsDir + ": " + e.getMessage(), e);
        }
    }

    static Optional<Lesson> find(List<Lesson> lessons, String id) {
        return lessons.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }

    /**
     * Adds {@code exerciseId} to the lesson's list of exercises, keeping the file's style (a
     * {@code [a, b]} list or one {@code - a} line per exercise).
     */
    static void addExercise(Lesson lesson, String exerciseId) throws IOException {
        List<String> lines = new ArrayList<>(Files.readString(lesson.file(), StandardCharsets.UTF_8).lines().toList());
        int end = lines.subList(1, lines.size()).indexOf(FENCE) + 1;
        for (int i = 1; i < end; i++) {
            Matcher flow = FLOW_LIST.matcher(lines.get(i));
            if (flow.matches()) {
                String items = flow.group(2).strip();
                lines.set(i, flow.group(1) + (items.isEmpty() ? "" : items + ", ") + exerciseId + flow.group(3));
                Files.writeString(lesson.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                return;
            }
            if (lines.get(i).strip().equals("exercises:")) {
                int after = i + 1;
                String indent = "  ";
                while (after < end) {
                    Matcher item = BLOCK_ITEM.matcher(lines.get(after));
                    if (!item.matches()) {
                        break;
                    }
                    indent = item.group(1);
                    after++;
                }
                lines.add(after, indent + "- " + exerciseId);
                Files.writeString(lesson.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                return;
            }
        }
        throw new IOException(YamlException.displayName(lesson.file()) + ": its front matter has no 'exercises'"
                + " list to add \"" + exerciseId + "\" to");
    }

    /** The YAML between the opening and the closing {@code ---} lines. */
    private static Optional<String> frontMatter(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            return Optional.empty();
        }
        for (int end = 1; end < lines.size(); end++) {
            if (lines.get(end).strip().equals(FENCE)) {
                return Optional.of(String.join("\n", lines.subList(1, end)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Lesson> lesson(Path file, String yamlText) {
        try {
            // The YAML starts on the file's second line, after the opening '---'.
            YamlMap yaml = YamlMap.parse(YamlException.displayName(file), yamlText, 1);
            boolean listed = yaml.has("exercises");
            return Optional.of(new Lesson(file, yaml.string("id"), yaml.has("title") ? yaml.string("title") : "",
                    listed ? yaml.strings("exercises") : List.of(), listed ? yaml.line("exercises") : 0));
        } catch (YamlException e) {
            return Optional.empty();
        }
    }
}
