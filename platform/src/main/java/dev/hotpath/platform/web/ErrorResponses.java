package dev.hotpath.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a clear answer: a page for people, {@code {"error": "..."}} for API clients
 * ({@code /api/...}). Handlers refuse a request by throwing one of Javalin's {@link HttpResponseException}s
 * ({@code NotFoundResponse}, ...) with the sentence the person sees. Unexpected exceptions are logged and
 * answered with a 500 that exposes nothing.
 */
final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    /** The API's error body. */
    record ApiError(String error) {
    }

    private final Pages pages;

    ErrorResponses(Pages pages) {
        this.pages = pages;
    }

    /** A handler's refusal, or Javalin's own (no such route, wrong method, a body too large), said plainly. */
    void refused(HttpResponseException e, Context ctx) {
        respond(ctx, e.getStatus(), ownWords(e, ctx));
    }

    void unexpected(Exception e, Context ctx) {
        LOG.log(Level.SEVERE, ctx.method() + " " + ctx.path() + " failed", e);
        respond(ctx, 500, "Something went wrong on our side; it has been logged. Try again in a moment.");
    }

    /** Javalin's own refusals carry its terse default text ("Not Found"); ours carry a sentence already. */
    private static String ownWords(HttpResponseException e, Context ctx) {
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        String said = e.getMessage();
        if (said != null && !status.getMessage().equals(said) && !said.startsWith("Endpoint ")) {
            return said;
        }
        return switch (e.getStatus()) {
            case 404 -> "There is no page at " + ctx.path() + ".";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + ".";
            case 413 -> "The request is too large.";
            default -> said == null ? status.getMessage() : said;
        };
    }

    private void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.json(new ApiError(message));
        } else {
            pages.render(ctx, "web/error", Map.of("status", status, "message", message));
        }
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
