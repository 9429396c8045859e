package dev.hotpath.platform.render;

import dev.hotpath.platform.course.Lesson;

/**
 * The addresses a rendered page links to. The static site uses relative file names; a web app
 * supplies its own routes, and the same templates and Markdown rendering serve both.
 */
public interface PageLinks {

    /** The course map: the introduction page with the lessons in order. */
    String courseMap();

    String lesson(Lesson lesson);

    /** A file of the lessons folder that a page refers to, e.g. {@code img/cache-keys.svg}. */
    String courseFile(String path);

    /** One of the {@link CourseAssets}, e.g. {@code course.css}. */
    String asset(String name);
}
