package dev.hotpath.platform.db;

import dev.hotpath.platform.auth.SignedIn;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/** Login sessions, by the SHA-256 of their cookie token. */
public final class SessionRepository {

    private final Sql sql;

    public SessionRepository(Sql sql) {
        this.sql = sql;
    }

    public void create(String tokenHash, long userId, String csrfToken, Instant createdAt, Instant expiresAt) {
        sql.update("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                tokenHash, userId, csrfToken, createdAt, expiresAt);
    }

    public Optional<SignedIn> find(String tokenHash, Instant now) {
        return sql.one("SELECT u.id, u.email, u.display_name, u.role, s.csrf_token FROM sessions s"
                        + " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?",
                row -> new SignedIn(UserRepository.user(row), row.getString("csrf_token")), tokenHash, now);
    }

    public void delete(String tokenHash) {
        sql.update("DELETE FROM sessions WHERE token_hash = ?", tokenHash);
    }

    /** Ends every session of {@code userId} but the one of {@code keptTokenHash} (none when it is null). */
    public int deleteByUser(long userId, @Nullable String keptTokenHash) {
        return sql.update("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", userId,
                keptTokenHash == null ? "" : keptTokenHash);
    }

    public long countLive(long userId, Instant now) {
        return sql.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND expires_at > ?", userId, now);
    }

    public int deleteExpired(Instant now) {
        return sql.update("DELETE FROM sessions WHERE expires_at <= ?", now);
    }
}
