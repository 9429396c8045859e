package dev.hotpath.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;
import org.jspecify.annotations.Nullable;

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

    /** {@code GET /api/session} and the answer to logging in. */
    record SessionView(boolean signedIn, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UserView user, String csrfToken) {

        static SessionView of(Optional<SignedIn> signedIn, String csrfToken) {
            return new SessionView(signedIn.isPresent(), signedIn.map(s -> UserView.of(s.user())).orElse(null), csrfToken);
        }
    }

    record UserView(long id, String email, String name, String role) {

        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.displayName(), user.role().name());
        }
    }

    /** A submission's status (docs/api.md, {@code GET /api/submissions/{id}}); times in ISO-8601, null until they happen. */
    record StatusView(long id, String exercise, String state, @Nullable String stage, @Nullable String stageMessage,
                      long queuedAhead, int attempts, @Nullable String verdict, @Nullable String summary,
                      @Nullable String submittedAt, @Nullable String startedAt, @Nullable String finishedAt, Links links) {
    }

    /** Where to follow a submission. */
    record Links(String status, String report, String page, String events) {
    }

    /** Who is signed in, and the CSRF token for the next state-changing call (also when signed out: for logging in). */
    void currentSession(Context ctx) {
        ctx.json(SessionView.of(session.signedIn(ctx), session.csrfToken(ctx)));
    }

    /**
     * Logs in with {@code {"email": ..., "password": ...}}; the answer carries the session's CSRF token.
     * Throttled as the login form is: 429 with Retry-After.
     */
    void logIn(Context ctx) {
        JsonNode body = readObject(ctx);
        try {
            User user = accounts.logIn(text(body, "email"), text(body, "password"), proxies.clientKey(ctx));
            session.open(ctx, user, false);
            ctx.json(SessionView.of(session.signedIn(ctx), session.csrfToken(ctx)));
        } catch (AccountException e) {
            throw new UnauthorizedResponse(e.getMessage());
        } catch (TooManyAttemptsException e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            throw new TooManyRequestsResponse(e.getMessage());
        }
    }

    /** {@code {"files": {"path": "content", ...}}} → 202 with the submission's status and where to follow it. */
    void submit(Context ctx) {
        JsonNode files = readObject(ctx).get("files");
        if (files == null || !files.isObject()) {
            throw new BadRequestResponse("The body needs \"files\": an object from each editable file's path to its content.");
        }
        Map<String, String> contents = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : files.properties()) {
            if (!file.getValue().isTextual()) {
                throw new BadRequestResponse("files." + file.getKey() + " must be the file's content as a string.");
            }
            contents.put(file.getKey(), file.getValue().asText());
        }
        try {
            long id = grading.submit(session.user(ctx), ctx.ip(), ctx.pathParam("exercise"), contents);
            ctx.header("Location", links.apiSubmission(id));
            ctx.status(202).json(status(submissions.find(id).orElseThrow()));
        } catch (SubmissionRefusedException e) {
            Refusals.retryAfter(ctx, e.reason());
            throw new HttpResponseException(Refusals.status(e.reason()), e.getMessage());
        }
    }

    void status(Context ctx) {
        ctx.json(status(access.visible(ctx)));
    }

    /** The grade report as docs/report-schema.md describes it; 409 while the submission is not graded yet. */
    void report(Context ctx) {
        SubmissionStatus submission = access.visible(ctx);
        String report = submissions.reportJson(submission.id()).orElseThrow(() -> new ConflictResponse(
                "Submission " + submission.id() + " is not graded yet (" + submission.state().name().toLowerCase(Locale.ROOT)
                        + "); its report is ready when its status says DONE."));
        ctx.contentType("application/json").result(report);
    }

    private StatusView status(SubmissionStatus submission) {
        long id = submission.id();
        return new StatusView(id, submission.exerciseId(), submission.state().name(), submission.stage(),
                submission.stageMessage(),
                submission.state() == SubmissionState.QUEUED ? submissions.queuedAhead(id) : 0, submission.attempts(),
                submission.verdict() == null ? null : submission.verdict().name(), submission.summary(),
                Objects.toString(submission.submittedAt(), null), Objects.toString(submission.startedAt(), null),
                Objects.toString(submission.finishedAt(), null),
                new Links(links.apiSubmission(id), links.apiReport(id), links.submission(id), links.submissionEvents(id)));
    }

    /** The request's body as a JSON object, read with the server's JSON mapper; 415 or 400 saying what is wrong. */
    private static JsonNode readObject(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaTypeResponse("Send the request body as JSON, with Content-Type: application/json.");
        }
        JsonNode body;
        try {
            body = ctx.jsonMapper().fromJsonString(ctx.body(), JsonNode.class);
        } catch (Exception e) {
            // JavalinJackson passes Jackson's checked exception through undeclared
            throw new BadRequestResponse("The request body is not valid JSON: " + (e instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage()));
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestResponse("The request body must be a JSON object.");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRequestResponse("The body needs \"" + field + "\" as a string.");
        }
        return value.asText();
    }
}
