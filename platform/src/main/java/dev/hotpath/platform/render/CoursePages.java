package dev.hotpath.platform.render;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.Lesson;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lays out whole pages with the Thymeleaf templates in {@code templates/course/}: the course map
 * and one page per lesson. A web app can call this, or point its own Thymeleaf engine at the same
 * templates with the same variables ({@code course}, {@code links}, {@code body}, and for a lesson
 * {@code lesson}, {@code previous}, {@code next}).
 */
public final class CoursePages {

    public static final String COURSE_MAP_TEMPLATE = "course/index";
    public static final String LESSON_TEMPLATE = "course/lesson";

    private final TemplateEngine templates = new TemplateEngine();

    public CoursePages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(CoursePages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.setTemplateResolver(resolver);
    }

    public String courseMap(Course course, PageLinks links) {
        Context context = context(course, links);
        context.setVariable("body", new MarkdownRenderer(course, links).render(course.introduction()));
        return templates.process(COURSE_MAP_TEMPLATE, context);
    }

    public String lesson(Course course, Lesson lesson, PageLinks links) {
        Context context = context(course, links);
        context.setVariable("lesson", lesson);
        context.setVariable("body", new MarkdownRenderer(course, links).render(lesson.page()));
        context.setVariable("previous", course.previous(lesson).orElse(null));
        context.setVariable("next", course.next(lesson).orElse(null));
        return templates.process(LESSON_TEMPLATE, context);
    }

    private static Context context(Course course, PageLinks links) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("course", course);
        context.setVariable("links", links);
        return context;
    }
}
