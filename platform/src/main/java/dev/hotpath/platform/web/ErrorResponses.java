package dev.hotpath.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a clear answer: a page for people, {@code {"error": "..."}} for API clients
 * ({@code /api/...}). Unexpected exceptions are logged and answered with a 500 that exposes nothing.
 */
final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private final Pages pages;

    ErrorResponses(Pages pages) {
        this.pages = pages;
    }

    void problem(HttpProblem problem, Context ctx) {
        respond(ctx, problem.status(), Objects.requireNonNullElse(problem.getMessage(), "The request failed."));
    }

    /** Javalin's own refusals: no such route, wrong method, a body too large. */
    void javalin(HttpResponseException e, Context ctx) {
        String message = switch (e.getStatus()) {
            case 404 -> "There is no page at " + ctx.path() + ".";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + ".";
            case 413 -> "The request is too large.";
            default -> Objects.requireNonNullElse(e.getMessage(), "The request failed.");
        };
        respond(ctx, e.getStatus(), message);
    }

    void unexpected(Exception e, Context ctx) {
        LOG.log(Level.SEVERE, ctx.method() + " " + ctx.path() + " failed", e);
        respond(ctx, 500, "Something went wrong on our side; it has been logged. Try again in a moment.");
    }

    private void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType("application/json").result(ApiJson.write(Map.of("error", message)));
        } else {
            pages.render(ctx, "web/error", Map.of("status", status, "message", message));
        }
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
