package dev.hotpath.platform.auth;

/**
 * A request's session: who is signed in, and the CSRF token every state-changing request of this
 * session must carry.
 */
public record SignedIn(User user, String csrfToken) {
}
