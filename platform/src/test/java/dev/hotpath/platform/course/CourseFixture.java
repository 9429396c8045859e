package dev.hotpath.platform.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small valid course on disk (two lessons, one quiz, one image, one exercise) for tests to
 * break one thing at a time. Line numbers in the tests refer to the texts below.
 */
final class CourseFixture {

    static final String README = """
            # Test course

            Start with [the first lesson](00-first.md#first-section).
            """;

    static final String FIRST = """
            ---
            id: first
            title: First lesson
            order: 0
            exercises: []
            estimated-minutes: 10
            ---

            # First lesson

            ## First section

            Go on to [the second lesson](01-second.md#second-section).

            ```quiz
            question: "Which one is right?"
            choices:
              - "This one"
              - "That one"
            answer: 1
            explanation: "Because it is."
            ```
            """;

    static final String SECOND = """
            ---
            id: second
            title: Second lesson
            order: 1
            exercises: [ex-one]
            estimated-minutes: 20
            ---

            # Second lesson

            ## Second section

            ![A diagram](img/diagram.svg)
            """;

    static final String EXERCISE = """
            id: ex-one
            title: Exercise one
            lesson: second
            summary: Make the slow thing fast.
            editable:
              - src/main/java/dev/example/Slow.java
            metrics:
              - name: calls
                description: Calls to the slow thing
                counter: dev.example.CallsProbe
                unit: calls
                direction: lower
                threshold: 0.5
            """;

    final Path lessons;
    final Path exercises;

    CourseFixture(Path root) {
        this.lessons = root.resolve("lessons");
        this.exercises = root.resolve("exercises");
        write(lessons.resolve("README.md"), README);
        write(lessons.resolve("00-first.md"), FIRST);
        write(lessons.resolve("01-second.md"), SECOND);
        write(lessons.resolve("img/diagram.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write(exercises.resolve("ex-one/exercise.yaml"), EXERCISE);
        write(exercises.resolve("ex-one/src/main/java/dev/example/Slow.java"), "package dev.example; class Slow {}");
    }

    Path lesson(String fileName) {
        return lessons.resolve(fileName);
    }

    Path manifest(String exerciseId) {
        return exercises.resolve(exerciseId).resolve("exercise.yaml");
    }

    /** Replaces the one occurrence of {@code find} in {@code file}. */
    CourseFixture replace(Path file, String find, String with) {
        String text = read(file);
        if (text.indexOf(find) < 0 || text.indexOf(find) != text.lastIndexOf(find)) {
            throw new IllegalArgumentException("\"" + find + "\" must occur exactly once in " + file);
        }
        write(file, text.replace(find, with));
        return this;
    }

    CourseFixture write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Course load() throws CourseContentException {
        return Course.load(lessons, exercises);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
