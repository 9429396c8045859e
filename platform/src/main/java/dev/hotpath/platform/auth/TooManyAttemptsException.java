package dev.hotpath.platform.auth;

import java.time.Duration;

/** A login or sign-up refused by a {@link Throttle}: the message says so, {@link #retryAfterSeconds()} how long to wait. */
public class TooManyAttemptsException extends Exception {

    private final Duration retryAfter;

    public TooManyAttemptsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** At least one second, rounded up: what a Retry-After header says. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
