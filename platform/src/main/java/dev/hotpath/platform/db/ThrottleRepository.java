package dev.hotpath.platform.db;

import java.time.Instant;
import java.util.Optional;

/**
 * The throttles' counters (V2 migration), changed only by compare-and-set on {@code version} so that
 * several web nodes sharing the database count every attempt exactly once.
 */
public final class ThrottleRepository {

    /** One key's counter as last written. */
    public record Counter(int attempts, Instant lastAttemptAt, Instant blockedUntil, long version) {
    }

    private final Sql sql;

    public ThrottleRepository(Sql sql) {
        this.sql = sql;
    }

    public Optional<Counter> find(String keyHash) {
        return sql.one("SELECT attempts, last_attempt_at, blocked_until, version FROM throttles WHERE key_hash = ?",
                row -> new Counter(row.getInt("attempts"), row.getRequiredInstant("last_attempt_at"),
                        row.getRequiredInstant("blocked_until"), row.getLong("version")), keyHash);
    }

    /** Creates the row; false if another node created it first. */
    public boolean insert(String keyHash, String kind, int attempts, Instant now, Instant blockedUntil) {
        try {
            sql.update("INSERT INTO throttles (key_hash, kind, attempts, last_attempt_at, blocked_until, version)"
                    + " VALUES (?, ?, ?, ?, ?, 0)", keyHash, kind, attempts, now, blockedUntil);
            return true;
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    /** Updates the row; false if it changed since {@code expectedVersion} was read. */
    public boolean update(String keyHash, long expectedVersion, int attempts, Instant now, Instant blockedUntil) {
        return sql.update("UPDATE throttles SET attempts = ?, last_attempt_at = ?, blocked_until = ?, version = version + 1"
                + " WHERE key_hash = ? AND version = ?", attempts, now, blockedUntil, keyHash, expectedVersion) == 1;
    }

    /** Gives one attempt back (a login that succeeded), atomically. */
    public void refund(String keyHash) {
        sql.update("UPDATE throttles SET attempts = attempts - 1, version = version + 1 WHERE key_hash = ? AND attempts > 0",
                keyHash);
    }

    public void delete(String keyHash) {
        sql.update("DELETE FROM throttles WHERE key_hash = ?", keyHash);
    }

    /** Forgets counters untouched since {@code before}; called at start. */
    public int deleteOlderThan(Instant before) {
        return sql.update("DELETE FROM throttles WHERE last_attempt_at < ? AND blocked_until < ?", before, before);
    }
}
