package dev.hotpath.platform.db;

import dev.hotpath.platform.auth.Role;
import dev.hotpath.platform.auth.User;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Accounts. Emails are stored normalized (lower case), so equality is plain equality. */
public final class UserRepository {

    /** An account with its password hash, for checking a login. */
    public record Credentials(User user, String passwordHash) {
    }

    private static final String COLUMNS = "id, email, display_name, role";

    private final Sql sql;

    public UserRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Creates an account.
     *
     * @throws DatabaseException with {@link DatabaseException#isUniqueViolation()} if the email is taken
     */
    public User create(String email, String displayName, String passwordHash, Role role, Instant now) {
        long id = sql.insert("INSERT INTO users (email, display_name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)",
                email, displayName, passwordHash, role.name(), now);
        return new User(id, email, displayName, role);
    }

    public Optional<Credentials> findByEmail(String email) {
        return sql.one("SELECT " + COLUMNS + ", password_hash FROM users WHERE email = ?",
                row -> new Credentials(user(row), row.getString("password_hash")), email);
    }

    public Optional<User> findById(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserRepository::user, id);
    }

    /** Gives an account a role; returns the account with its new role, or empty if no account has {@code email}. */
    public Optional<User> setRole(String email, Role role) {
        sql.update("UPDATE users SET role = ? WHERE email = ?", role.name(), email);
        return findByEmail(email).map(Credentials::user);
    }

    static User user(Sql.Row row) throws SQLException {
        return new User(row.getLong("id"), row.getString("email"), row.getString("display_name"),
                Role.valueOf(row.getString("role")));
    }
}
