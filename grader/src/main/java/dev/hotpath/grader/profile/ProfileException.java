package dev.hotpath.grader.profile;

/** A profile could not be recorded or read; the message says why, for people. */
public final class ProfileException extends Exception {

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
