package dev.hotpath.platform;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.CourseContentException;

import java.nio.file.Path;

/** The repository's real course, as the build points the tests at it (see platform/pom.xml). */
public final class TestCourse {

    public static final Path LESSONS = Path.of(System.getProperty("course.lessons", "../lessons"));
    public static final Path EXERCISES = Path.of(System.getProperty("course.exercises", "../exercises"));

    private static Course course;

    private TestCourse() {
    }

    /** Loaded once for all tests: the content does not change during a run. */
    public static synchronized Course load() throws CourseContentException {
        if (course == null) {
            course = Course.load(LESSONS, EXERCISES);
        }
        return course;
    }
}
