package dev.hotpath.platform.site;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.CourseContentException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders the course to a static folder: {@code RenderCourseSite LESSONS_DIR EXERCISES_DIR OUTPUT_DIR}.
 * The build runs it with {@code mvn -q package -DskipTests -Pcourse-site} from the repository root.
 * Bad content stops it with every problem listed, each with its file and line.
 */
public final class RenderCourseSite {

    private RenderCourseSite() {
    }

    public static void main(String[] args) throws IOException, CourseContentException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RenderCourseSite LESSONS_DIR EXERCISES_DIR OUTPUT_DIR");
        }
        Course course = Course.load(Path.of(args[0]), Path.of(args[1]));
        Path courseMap = new CourseSite().write(course, Path.of(args[2]).toAbsolutePath().normalize());
        System.out.println("Rendered " + course.lessons().size() + " lessons: " + courseMap.toUri());
    }
}
