package dev.hotpath.platform.auth;

import dev.hotpath.platform.db.SessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions kept in the database, so that they survive a restart. The cookie carries a random
 * token; the database stores its SHA-256 and the session's CSRF token.
 */
public final class Sessions {

    public static final Duration LIFETIME = Duration.ofDays(14);

    /** A session just opened: the token for the cookie, and what it resolves to. */
    public record Opened(String token, SignedIn signedIn) {
    }

    private final SessionRepository sessions;
    private final Clock clock;

    public Sessions(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public Opened open(User user) {
        String token = Tokens.random();
        String csrfToken = Tokens.random();
        Instant now = clock.instant();
        sessions.create(Tokens.sha256(token), user.id(), csrfToken, now, now.plus(LIFETIME));
        return new Opened(token, new SignedIn(user, csrfToken));
    }

    /** The live session of {@code token}; empty when it is unknown, ended or expired. */
    public Optional<SignedIn> resolve(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return sessions.find(Tokens.sha256(token), clock.instant());
    }

    public void close(String token) {
        if (token != null && !token.isEmpty()) {
            sessions.delete(Tokens.sha256(token));
        }
    }

    /** Ends every session of {@code user}, this one too: "sign out everywhere". */
    public void closeAll(User user) {
        sessions.deleteByUser(user.id(), null);
    }

    /** Ends every session of {@code user} but the one of {@code token}: "sign out my other sessions". */
    public void closeOthers(User user, String token) {
        sessions.deleteByUser(user.id(), Tokens.sha256(token));
    }

    /** How many sessions of {@code user} are open, this one included. */
    public long countOpen(User user) {
        return sessions.countLive(user.id(), clock.instant());
    }

    /** Forgets sessions past their lifetime; called at start. */
    public int deleteExpired() {
        return sessions.deleteExpired(clock.instant());
    }
}
