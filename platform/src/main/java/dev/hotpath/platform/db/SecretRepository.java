package dev.hotpath.platform.db;

import java.time.Instant;
import java.util.Optional;

/** Secrets every web node on this database shares (V2 migration), made once by whichever node asks first. */
public final class SecretRepository {

    private final Sql sql;

    public SecretRepository(Sql sql) {
        this.sql = sql;
    }

    /** The secret called {@code name}; {@code fresh} becomes it if there is none yet. */
    public String secret(String name, String fresh, Instant now) {
        Optional<String> existing = find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            sql.update("INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?)", name, fresh, now);
            return fresh;
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                return find(name).orElseThrow(() -> e); // another node made it in between
            }
            throw e;
        }
    }

    private Optional<String> find(String name) {
        return sql.one("SELECT secret FROM server_secrets WHERE name = ?", row -> row.getString("secret"), name);
    }
}
