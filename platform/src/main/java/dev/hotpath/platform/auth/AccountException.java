package dev.hotpath.platform.auth;

/** A sign-up or login that cannot go through; the message says why, in words for the person at the form. */
public class AccountException extends Exception {

    public AccountException(String message) {
        super(message);
    }
}
