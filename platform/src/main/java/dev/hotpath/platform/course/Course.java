package dev.hotpath.platform.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The course: the introduction and concept map ({@code lessons/README.md}) and the lessons in order,
 * every one checked. Load it with {@link #load}; a course that loads has no broken links, quizzes,
 * exercise references or front matter.
 *
 * @param lessonsDir   the folder the pages and their files come from
 * @param introduction README.md
 * @param lessons      ordered by {@link Lesson#order()}
 * @param files        the files pages refer to (images), relative to {@code lessonsDir} with '/'
 */
public record Course(Path lessonsDir, MarkdownPage introduction, List<Lesson> lessons, Set<String> files) {

    public Course {
        lessons = List.copyOf(lessons);
        files = Set.copyOf(files);
    }

    /**
     * Loads and checks {@code lessonsDir}, resolving exercises in {@code exercisesDir}.
     *
     * @throws CourseContentException listing every problem found, each with its file and line
     */
    public static Course load(Path lessonsDir, Path exercisesDir) throws CourseContentException {
        return CourseLoader.load(lessonsDir, exercisesDir);
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }

    /** The lesson written in {@code fileName}, e.g. {@code 01-remove-repeated-work.md}. */
    public Optional<Lesson> lessonInFile(String fileName) {
        return lessons.stream().filter(lesson -> lesson.page().fileName().equals(fileName)).findFirst();
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int index = lessons.indexOf(lesson);
        return index > 0 ? Optional.of(lessons.get(index - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int index = lessons.indexOf(lesson);
        return index >= 0 && index + 1 < lessons.size() ? Optional.of(lessons.get(index + 1)) : Optional.empty();
    }

    /** A file that pages refer to, e.g. {@code img/cache-keys.svg}; empty for anything else. */
    public Optional<Path> file(String relativePath) {
        return files.contains(relativePath) ? Optional.of(lessonsDir.resolve(relativePath)) : Optional.empty();
    }
}
