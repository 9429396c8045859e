package dev.hotpath.platform.site;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.Lesson;
import dev.hotpath.platform.render.CourseAssets;
import dev.hotpath.platform.render.CoursePages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the course as a static site: {@code index.html} (the course map), one page per lesson,
 * the files the pages refer to (images) and the stylesheets and scripts. Files already in the
 * folder are overwritten, others are left alone.
 */
public final class CourseSite {

    private final CoursePages pages = new CoursePages();
    private final StaticLinks links = new StaticLinks();

    /** Writes the site into {@code folder}; returns the course map page. */
    public Path write(Course course, Path folder) throws IOException {
        Path courseMap = writePage(folder.resolve(links.courseMap()), pages.courseMap(course, links));
        for (Lesson lesson : course.lessons()) {
            writePage(folder.resolve(links.lesson(lesson)), pages.lesson(course, lesson, links));
        }
        for (String file : course.files()) {
            Path target = folder.resolve(links.courseFile(file));
            Files.createDirectories(target.getParent());
            Files.copy(course.file(file).orElseThrow(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : CourseAssets.names()) {
            Path target = folder.resolve(links.asset(name));
            Files.createDirectories(target.getParent());
            try (InputStream in = CourseAssets.open(name)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return courseMap;
    }

    private static Path writePage(Path file, String html) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, html, StandardCharsets.UTF_8);
    }
}
