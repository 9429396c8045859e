package dev.hotpath.platform.db;

import java.sql.SQLException;

/** The database failed: not something a request can fix, so it travels unchecked to the error page. */
public class DatabaseException extends RuntimeException {

    DatabaseException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }

    /** Whether the database refused a row because it would repeat a unique value. */
    public boolean isUniqueViolation() {
        // SQLSTATE 23505 is unique_violation in PostgreSQL and H2 alike.
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
