package dev.hotpath.platform.site;

import dev.hotpath.platform.course.Lesson;
import dev.hotpath.platform.render.PageLinks;

/**
 * Addresses within the static site: every page sits in the site's root folder, so plain relative
 * links work from file:// as well as from any web server.
 */
final class StaticLinks implements PageLinks {

    static final String COURSE_MAP = "index.html";
    static final String ASSETS = "assets/";

    @Override
    public String courseMap() {
        return COURSE_MAP;
    }

    /** {@code 01-remove-repeated-work.md} becomes {@code 01-remove-repeated-work.html}. */
    @Override
    public String lesson(Lesson lesson) {
        return lesson.page().fileName().replaceFirst("\\.md$", ".html");
    }

    @Override
    public String courseFile(String path) {
        return path;
    }

    @Override
    public String asset(String name) {
        return ASSETS + name;
    }
}
