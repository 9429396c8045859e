package dev.hotpath.platform.web;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.Lesson;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.render.CoursePages;
import dev.hotpath.platform.render.MarkdownRenderer;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The course map and the lesson pages, laid out by the course's own templates ({@link CoursePages})
 * with the platform's additions: the learner's progress and links to the exercise pages. The
 * Markdown is rendered once at start; the course does not change while the platform runs.
 */
final class CourseHandlers {

    private final Course course;
    private final SubmissionRepository submissions;
    private final WebSession session;
    private final Pages pages;
    private final String introduction;
    private final Map<String, String> lessonBodies = new HashMap<>();

    CourseHandlers(Course course, SubmissionRepository submissions, WebSession session, Pages pages, WebLinks links) {
        this.course = course;
        this.submissions = submissions;
        this.session = session;
        this.pages = pages;
        MarkdownRenderer markdown = new MarkdownRenderer(course, links);
        this.introduction = markdown.render(course.introduction());
        course.lessons().forEach(lesson -> lessonBodies.put(lesson.id(), markdown.render(lesson.page())));
    }

    void courseMap(Context ctx) {
        Map<String, Object> model = model(ctx);
        model.put("body", introduction);
        pages.render(ctx, CoursePages.COURSE_MAP_TEMPLATE, model);
    }

    void lesson(Context ctx) {
        Lesson lesson = course.lesson(ctx.pathParam("lesson")).orElseThrow(() ->
                new NotFoundResponse("There is no lesson \"" + ctx.pathParam("lesson") + "\"."));
        Map<String, Object> model = model(ctx);
        model.put("lesson", lesson);
        model.put("body", lessonBodies.get(lesson.id()));
        model.put("previous", course.previous(lesson).orElse(null));
        model.put("next", course.next(lesson).orElse(null));
        pages.render(ctx, CoursePages.LESSON_TEMPLATE, model);
    }

    /** The images lessons show, e.g. {@code /course-files/img/cache-keys.svg}: only files a page refers to. */
    void file(Context ctx) {
        String path = ctx.pathParam("path");
        Path file = course.file(path).orElseThrow(() -> new NotFoundResponse("There is no course file " + path + "."));
        try {
            ctx.contentType(path.endsWith(".svg") ? "image/svg+xml" : Files.probeContentType(file))
                    .header("Cache-Control", "public, max-age=300")
                    .result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The variables of both course templates: the course, and the learner's progress when signed in. */
    private Map<String, Object> model(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("progress", session.signedIn(ctx)
                .map(signedIn -> submissions.progress(signedIn.user().id()))
                .orElse(Map.of()));
        return model;
    }
}
