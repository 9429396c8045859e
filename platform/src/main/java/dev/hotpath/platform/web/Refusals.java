package dev.hotpath.platform.web;

import dev.hotpath.platform.grading.SubmissionRefusedException.Reason;
import io.javalin.http.Context;

/** The HTTP answer to a refused submission, the same for the page and the API. */
final class Refusals {

    private Refusals() {
    }

    static int status(Reason reason) {
        return switch (reason) {
            case UNKNOWN_EXERCISE -> 404;
            case INVALID_FILES -> 400;
            case PREVIOUS_IN_FLIGHT, TOO_FREQUENT, ADDRESS_BUSY, QUEUE_FULL -> 429;
        };
    }

    /** Tells a client how long to wait before submitting again, for the refusals waiting cures. */
    static void retryAfter(Context ctx, Reason reason) {
        switch (reason) {
            case PREVIOUS_IN_FLIGHT -> ctx.header("Retry-After", "10");
            case TOO_FREQUENT, ADDRESS_BUSY, QUEUE_FULL -> ctx.header("Retry-After", "60");
            default -> { }
        }
    }
}
