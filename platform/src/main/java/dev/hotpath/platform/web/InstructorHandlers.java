package dev.hotpath.platform.web;

import dev.hotpath.grader.exercise.ExerciseNotReadyException;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.DashboardRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.UserRepository;
import dev.hotpath.platform.grading.ExerciseCatalog;
import dev.hotpath.platform.grading.ExerciseValidations;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What instructors see: statistics per exercise, drill-downs to exercises and learners, the CSV
 * export of every submission, and whether each exercise validates on this machine.
 */
final class InstructorHandlers {

    /** One exercise on the status page: its build, its latest validation, one running now. */
    record ExerciseStatus(ExerciseCatalog.Entry entry, @Nullable String buildProblem,
                          ExerciseValidations.@Nullable Result validation, @Nullable Instant validatingSince) {
    }

    private final ExerciseCatalog catalog;
    private final DashboardRepository dashboard;
    private final SubmissionRepository submissions;
    private final UserRepository users;
    private final ExerciseValidations validations;
    private final Pages pages;
    private final WebLinks links;

    InstructorHandlers(ExerciseCatalog catalog, DashboardRepository dashboard, SubmissionRepository submissions,
                       UserRepository users, ExerciseValidations validations, Pages pages, WebLinks links) {
        this.catalog = catalog;
        this.dashboard = dashboard;
        this.submissions = submissions;
        this.users = users;
        this.validations = validations;
        this.pages = pages;
        this.links = links;
    }

    void dashboard(Context ctx) {
        List<String> ids = catalog.all().stream().map(entry -> entry.exercise().id()).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("stats", dashboard.exerciseStats(ids));
        model.put("titles", titles());
        // The graders at a glance: what an operator of several machines watches (docs/deploy.md).
        Instant now = Instant.now();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        model.put("queue", dashboard.health(hourAgo));
        model.put("workers", dashboard.recent(hourAgo));
        model.put("now", now);
        pages.render(ctx, "web/instructor/dashboard", model);
    }

    void exercise(Context ctx) {
        ExerciseCatalog.Entry entry = ExerciseHandlers.entry(catalog, ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("learners", dashboard.learnersOf(entry.exercise().id()));
        pages.render(ctx, "web/instructor/exercise", model);
    }

    void learner(Context ctx) {
        long id = ctx.pathParamAsClass("learner", Long.class).getOrDefault(-1L);
        User learner = users.findById(id).orElseThrow(() -> new NotFoundResponse("There is no learner " + ctx.pathParam("learner") + "."));
        Map<String, Object> model = new HashMap<>();
        model.put("learner", learner);
        model.put("submissions", submissions.byLearner(learner.id()));
        model.put("titles", titles());
        pages.render(ctx, "web/instructor/learner", model);
    }

    void export(Context ctx) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("submission", "email", "name", "exercise", "state",
                "verdict", "attempts", "submitted_at", "finished_at", "summary")));
        for (DashboardRepository.ExportRow row : dashboard.export()) {
            csv.append(Csv.row(Arrays.asList(row.submissionId(), row.email(), row.displayName(),
                    row.exerciseId(), row.state(), row.verdict(), row.attempts(), row.submittedAt(), row.finishedAt(),
                    row.summary())));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"hotpath-submissions.csv\"")
                .contentType("text/csv; charset=utf-8")
                .result(csv.toString());
    }

    void exerciseStatus(Context ctx) {
        List<ExerciseStatus> statuses = new ArrayList<>();
        for (ExerciseCatalog.Entry entry : catalog.all()) {
            String id = entry.exercise().id();
            statuses.add(new ExerciseStatus(entry, buildProblem(entry).orElse(null),
                    validations.latest(id).orElse(null), validations.runningSince(id).orElse(null)));
        }
        pages.render(ctx, "web/instructor/exercise-status", Map.of("statuses", statuses));
    }

    /** Starts validating in the background and comes back to the status page, which shows it running. */
    void validate(Context ctx) {
        ExerciseCatalog.Entry entry = ExerciseHandlers.entry(catalog, ctx);
        validations.start(entry.exercise());
        ctx.redirect(links.exerciseStatus(), HttpStatus.SEE_OTHER);
    }

    private static Optional<String> buildProblem(ExerciseCatalog.Entry entry) {
        try {
            entry.exercise().checkBuilt();
            return Optional.empty();
        } catch (ExerciseNotReadyException e) {
            return Optional.of(Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private Map<String, String> titles() {
        Map<String, String> titles = new HashMap<>();
        catalog.all().forEach(entry -> titles.put(entry.exercise().id(), entry.summary().title()));
        return titles;
    }
}
