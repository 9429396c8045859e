package dev.hotpath.platform.web;

import dev.hotpath.platform.course.Lesson;
import dev.hotpath.platform.render.PageLinks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every address a page links to, built to match the patterns in {@link Routes}. Templates get it as
 * {@code links}; the course's own templates call the {@link PageLinks} part of it.
 */
public final class WebLinks implements PageLinks {

    @Override
    public String courseMap() {
        return "/";
    }

    @Override
    public String lesson(Lesson lesson) {
        return lesson(lesson.id());
    }

    public String lesson(String lessonId) {
        return "/lessons/" + lessonId;
    }

    @Override
    public String courseFile(String path) {
        return "/course-files/" + path;
    }

    @Override
    public String asset(String name) {
        return "/assets/" + name;
    }

    public String signup() {
        return "/signup";
    }

    public String login() {
        return "/login";
    }

    /** The login page, coming back to {@code next} afterwards. */
    public String login(String next) {
        return "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The login page announcing one of its notices ({@code AccountHandlers}), coming back to {@code next}. */
    public String loginNotice(String notice, String next) {
        return "/login?notice=" + notice + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    public String account() {
        return "/account";
    }

    public String signOutEverywhere() {
        return "/account/sign-out-everywhere";
    }

    public String logout() {
        return "/logout";
    }

    public String exercise(String exerciseId) {
        return "/exercises/" + exerciseId;
    }

    /** The exercise page with the starter in the editor instead of the last submission. */
    public String exerciseStarter(String exerciseId) {
        return exercise(exerciseId) + "?from=starter";
    }

    public String submit(String exerciseId) {
        return exercise(exerciseId) + "/submissions";
    }

    public String history(String exerciseId) {
        return exercise(exerciseId) + "/history";
    }

    public String submission(long submissionId) {
        return "/submissions/" + submissionId;
    }

    public String submissionEvents(long submissionId) {
        return submission(submissionId) + "/events";
    }

    public String submissionProfile(long submissionId) {
        return submission(submissionId) + "/profile";
    }

    public String apiSubmission(long submissionId) {
        return "/api/submissions/" + submissionId;
    }

    public String apiReport(long submissionId) {
        return apiSubmission(submissionId) + "/report";
    }

    public String instructor() {
        return "/instructor";
    }

    public String instructorExercise(String exerciseId) {
        return "/instructor/exercises/" + exerciseId;
    }

    public String instructorLearner(long userId) {
        return "/instructor/learners/" + userId;
    }

    public String export() {
        return "/instructor/export.csv";
    }

    public String exerciseStatus() {
        return "/instructor/exercise-status";
    }

    public String validate(String exerciseId) {
        return exerciseStatus() + "/" + exerciseId + "/validate";
    }
}
