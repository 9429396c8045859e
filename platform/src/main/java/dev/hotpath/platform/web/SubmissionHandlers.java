package dev.hotpath.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hotpath.grader.profile.ProfileJson;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.report.TestResult;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.UserRepository;
import dev.hotpath.platform.grading.ExerciseCatalog;
import dev.hotpath.platform.grading.GradingService;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;
import dev.hotpath.platform.grading.Subscription;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotAcceptableResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submission's result page, and its live progress as server-sent events. The page always shows
 * the state stored in the database, so a reload is never behind; while grading runs, the event
 * stream moves the progress list along and tells the page to reload once the verdict is in.
 */
final class SubmissionHandlers {

    private static final String EVENT_STREAM = "text/event-stream";

    private final SubmissionRepository submissions;
    private final ProfileRepository profiles;
    private final UserRepository users;
    private final ExerciseCatalog catalog;
    private final GradingService grading;
    private final SubmissionAccess access;
    private final Pages pages;

    SubmissionHandlers(SubmissionRepository submissions, ProfileRepository profiles, UserRepository users,
                       ExerciseCatalog catalog, GradingService grading, SubmissionAccess access, Pages pages) {
        this.submissions = submissions;
        this.profiles = profiles;
        this.users = users;
        this.catalog = catalog;
        this.grading = grading;
        this.access = access;
        this.pages = pages;
    }

    void page(Context ctx) {
        SubmissionStatus submission = access.visible(ctx);
        GradeReport report = report(submission).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("submission", submission);
        model.put("author", users.findById(submission.userId()).orElseThrow());
        model.put("exercise", catalog.find(submission.exerciseId()).map(entry -> entry.summary().title())
                .orElse(submission.exerciseId()));
        model.put("steps", steps(submission, report));
        model.put("report", report);
        List<TestResult> tests = report == null ? List.of() : report.tests();
        List<TestResult> failing = tests.stream()
                .filter(test -> test.status().failed()).toList();
        model.put("failingTests", failing);
        model.put("passedTests", tests.stream().filter(test -> test.status() == TestResult.Status.PASSED).toList());
        model.put("skippedTests", tests.stream().filter(test -> test.status() == TestResult.Status.SKIPPED).count());
        model.put("testsPass", failing.isEmpty());
        model.put("chart", report == null || report.performance().isEmpty() ? null : PerformanceChart.of(report.performance()));
        // null: no profiles (not profiled); "": profiles to show; otherwise why there are none
        model.put("profileProblem", profiles.problem(submission.id()).orElse(null));
        pages.render(ctx, "web/submission", model);
    }

    /**
     * The submission's profiles beside the starter's as JSON ({@code ProfileComparison}), for the
     * flame graphs on its page; same access as the page: the author and instructors.
     */
    void profile(Context ctx) {
        SubmissionStatus submission = access.visible(ctx);
        ProfileRepository.Stored stored = profiles.find(submission.id(), submission.exerciseId())
                .orElseThrow(() -> new NotFoundResponse("Submission " + submission.id() + " has no profiles."));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json").result(ProfileJson.write(stored.comparison().orElseThrow(() ->
                new NotFoundResponse("Submission " + submission.id() + " has no profiles: " + stored.problem() + "."))));
    }

    /** {@code event: progress} with the steps on every change; the last one has {@code "done": true}. */
    void events(Context ctx) throws Exception {
        SubmissionStatus submission = access.visible(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            // Javalin would answer an empty 200; say instead what this address serves.
            throw new NotAcceptableResponse("This address is an event stream: request it with Accept: " + EVENT_STREAM
                    + ", as a browser's EventSource does.");
        }
        if (HandlerType.HEAD.equals(ctx.method())) {
            ctx.contentType(EVENT_STREAM); // what GET would answer, without opening the stream
            return;
        }
        new SseHandler(client -> stream(client, submission.id())).handle(ctx);
    }

    private void stream(SseClient client, long submissionId) {
        client.keepAlive();
        Subscription subscription = grading.follow(submissionId, status -> send(client, status));
        client.onClose(subscription::close);
        if (client.terminated()) {
            // A graded submission's stream ends with the first event, before onClose was registered.
            subscription.close();
        }
    }

    /** One {@code progress} event of the stream (docs/api.md). */
    record ProgressUpdate(long id, String state, boolean done, @Nullable String verdict, List<ProgressView.Step> steps) {
    }

    private void send(SseClient client, SubmissionStatus status) {
        ProgressUpdate update = new ProgressUpdate(status.id(), status.state().name(), status.done(),
                status.verdict() == null ? null : status.verdict().name(),
                steps(status, status.done() ? report(status).orElse(null) : null));
        // Grading threads and the request thread may both send: one event at a time on the stream.
        synchronized (client) {
            if (client.terminated()) {
                return;
            }
            client.sendEvent("progress", update);
            if (status.done()) {
                client.close();
            }
        }
    }

    /** @param report the submission's report when it is DONE, else null */
    private List<ProgressView.Step> steps(SubmissionStatus submission, @Nullable GradeReport report) {
        long ahead = submission.state() == SubmissionState.QUEUED ? submissions.queuedAhead(submission.id()) : 0;
        return ProgressView.steps(submission, report, ahead);
    }

    private Optional<GradeReport> report(SubmissionStatus submission) {
        return submissions.reportJson(submission.id()).map(json -> {
            try {
                return ReportJson.read(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored report of submission " + submission.id() + " is not readable", e);
            }
        });
    }
}
