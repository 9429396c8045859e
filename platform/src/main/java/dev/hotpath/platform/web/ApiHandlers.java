package dev.hotpath.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotpath.platform.auth.AccountException;
import dev.hotpath.platform.auth.Accounts;
import dev.hotpath.platform.auth.SignedIn;
import dev.hotpath.platform.auth.TooManyAttemptsException;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.grading.GradingService;
import dev.hotpath.platform.grading.SubmissionRefusedException;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;
import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON API (docs/api.md): the same session cookie and CSRF token as the pages, the token in the
 * {@code X-CSRF-Token} header. Errors are {@code {"error": "..."}} with the status that fits.
 */
final class ApiHandlers {

    private final Accounts accounts;
    private final SubmissionRepository submissions;
    private final GradingService grading;
    private final SubmissionAccess access;
    private final WebSession session;
    private final TrustedProxies proxies;
    private final WebLinks links;

    ApiHandlers(Accounts accounts, SubmissionRepository submissions, GradingService grading, SubmissionAccess access,
                WebSession session, TrustedProxies proxies, WebLinks links) {
        this.accounts = accounts;
        this.submissions = submissions;
        this.grading = grading;
        this.access = access;
        this.session = session;
        this.proxies = proxies;
        this.links = links;
    }

    /** Who is signed in, and the CSRF token for the next state-changing call (also when signed out: for logging in). */
    void currentSession(Context ctx) {
        ApiJson.respond(ctx, 200, sessionJson(session.signedIn(ctx), session.csrfToken(ctx)));
    }

    /**
     * Logs in with {@code {"email": ..., "password": ...}}; the answer carries the session's CSRF token.
     * Throttled as the login form is: 429 with Retry-After.
     */
    void logIn(Context ctx) {
        JsonNode body = ApiJson.readObject(ctx);
        try {
            User user = accounts.logIn(text(body, "email"), text(body, "password"), proxies.clientKey(ctx));
            session.open(ctx, user, false);
            ApiJson.respond(ctx, 200, sessionJson(session.signedIn(ctx), session.csrfToken(ctx)));
        } catch (AccountException e) {
            throw new HttpProblem(401, Objects.requireNonNullElse(e.getMessage(), e.toString()));
        } catch (TooManyAttemptsException e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            throw new HttpProblem(429, Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    /** {@code {"files": {"path": "content", ...}}} → 202 with the submission's status and where to follow it. */
    void submit(Context ctx) {
        JsonNode files = ApiJson.readObject(ctx).get("files");
        if (files == null || !files.isObject()) {
            throw HttpProblem.badRequest("The body needs \"files\": an object from each editable file's path to its content.");
        }
        Map<String, String> contents = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : files.properties()) {
            if (!file.getValue().isTextual()) {
                throw HttpProblem.badRequest("files." + file.getKey() + " must be the file's content as a string.");
            }
            contents.put(file.getKey(), file.getValue().asText());
        }
        try {
            long id = grading.submit(session.user(ctx), ctx.ip(), ctx.pathParam("exercise"), contents);
            ctx.header("Location", links.apiSubmission(id));
            ApiJson.respond(ctx, 202, statusJson(submissions.find(id).orElseThrow()));
        } catch (SubmissionRefusedException e) {
            Refusals.retryAfter(ctx, e.reason());
            throw new HttpProblem(Refusals.status(e.reason()), Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    void status(Context ctx) {
        ApiJson.respond(ctx, 200, statusJson(access.visible(ctx)));
    }

    /** The grade report as docs/report-schema.md describes it; 409 while the submission is not graded yet. */
    void report(Context ctx) {
        SubmissionStatus submission = access.visible(ctx);
        String report = submissions.reportJson(submission.id()).orElseThrow(() -> new HttpProblem(409,
                "Submission " + submission.id() + " is not graded yet (" + submission.state().name().toLowerCase(Locale.ROOT)
                        + "); its report is ready when its status says DONE."));
        ctx.contentType("application/json").result(report);
    }

    private Map<String, Object> statusJson(SubmissionStatus submission) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", submission.id());
        json.put("exercise", submission.exerciseId());
        json.put("state", submission.state().name());
        json.put("stage", submission.stage());
        json.put("stageMessage", submission.stageMessage());
        json.put("queuedAhead", submission.state() == SubmissionState.QUEUED ? submissions.queuedAhead(submission.id()) : 0);
        json.put("attempts", submission.attempts());
        json.put("verdict", submission.verdict() == null ? null : submission.verdict().name());
        json.put("summary", submission.summary());
        json.put("submittedAt", iso(submission.submittedAt()));
        json.put("startedAt", iso(submission.startedAt()));
        json.put("finishedAt", iso(submission.finishedAt()));
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("status", links.apiSubmission(submission.id()));
        urls.put("report", links.apiReport(submission.id()));
        urls.put("page", links.submission(submission.id()));
        urls.put("events", links.submissionEvents(submission.id()));
        json.put("links", urls);
        return json;
    }

    private static Map<String, Object> sessionJson(Optional<SignedIn> signedIn, String csrfToken) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signedIn", signedIn.isPresent());
        signedIn.ifPresent(s -> json.put("user", Map.of("id", s.user().id(), "email", s.user().email(),
                "name", s.user().displayName(), "role", s.user().role().name())));
        json.put("csrfToken", csrfToken);
        return json;
    }

    private static @Nullable String iso(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw HttpProblem.badRequest("The body needs \"" + field + "\" as a string.");
        }
        return value.asText();
    }
}
