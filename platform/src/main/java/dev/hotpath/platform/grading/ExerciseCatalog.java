package dev.hotpath.platform.grading;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.Lesson;
import dev.hotpath.platform.course.LessonExercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The course's exercises as the grader loads them, with what the exercise page shows read once at
 * start: the starter files and the visible tests' sources.
 */
public final class ExerciseCatalog {

    /** A source file shown read-only, e.g. a visible test. */
    public record SourceFile(String path, String content) {
    }

    /** One exercise and what its page shows. */
    public record Entry(Exercise exercise, Lesson lesson, LessonExercise summary, Map<String, String> starter,
                        List<SourceFile> visibleTests) {
    }

    private static final String VISIBLE_TESTS = "src/test/java";

    private final Map<String, Entry> entries;

    private ExerciseCatalog(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Loads every exercise the course's lessons list, from {@code exercisesDir}. */
    public static ExerciseCatalog load(Course course, Path exercisesDir) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Lesson lesson : course.lessons()) {
            for (LessonExercise summary : lesson.exercises()) {
                Exercise exercise = loadExercise(exercisesDir.resolve(summary.id()));
                entries.put(summary.id(), new Entry(exercise, lesson, summary, starter(exercise), visibleTests(exercise)));
            }
        }
        return new ExerciseCatalog(Collections.unmodifiableMap(entries));
    }

    public Optional<Entry> find(String exerciseId) {
        return Optional.ofNullable(entries.get(exerciseId));
    }

    /** In course order. */
    public Collection<Entry> all() {
        return entries.values();
    }

    private static Exercise loadExercise(Path dir) {
        try {
            return Exercise.load(dir);
        } catch (YamlException e) {
            // The course loaded this manifest a moment ago; failing now means the file changed underfoot.
            throw new IllegalStateException("cannot load the exercise in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> starter(Exercise exercise) {
        try {
            return Submission.fromDirectory(exercise, exercise.starterDir()).files();
        } catch (InvalidSubmissionException e) {
            throw new IllegalStateException("exercise " + exercise.id() + " has no usable starter: " + e.getMessage(), e);
        }
    }

    private static List<SourceFile> visibleTests(Exercise exercise) {
        Path root = exercise.dir().resolve(VISIBLE_TESTS);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .map(file -> new SourceFile(exercise.dir().relativize(file).toString().replace('\\', '/'), read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the visible tests of " + exercise.id(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
