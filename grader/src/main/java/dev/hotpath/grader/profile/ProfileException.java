package dev.hotpath.grader.profile;

import org.jspecify.annotations.Nullable;

/** A profile could not be recorded or read; the message says why, for people. */
public final class ProfileException extends Exception {

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
