package dev.hotpath.platform.db;

import org.jspecify.annotations.Nullable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain JDBC in a few short calls, so that repositories read as their SQL. Outside a transaction
 * every call takes a connection from the pool; {@link #transaction} runs several calls on one.
 * Parameters of type {@link Instant} are bound as UTC timestamps, as both H2 and PostgreSQL take them.
 */
public final class Sql {

    /** Reads one row; {@link Row} gives typed access to its columns. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Sql transaction) throws SQLException;
    }

    private final DataSource dataSource;
    private final @Nullable Connection transaction;

    Sql(DataSource dataSource) {
        this(dataSource, null);
    }

    private Sql(DataSource dataSource, @Nullable Connection transaction) {
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    public <T> List<T> list(String query, RowMapper<T> mapper, @Nullable Object... parameters) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, query, parameters, false);
                 ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                Row row = new Row(rows);
                while (rows.next()) {
                    result.add(mapper.map(row));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> one(String query, RowMapper<T> mapper, @Nullable Object... parameters) {
        List<T> rows = list(query, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + ": " + query);
        }
        return rows.stream().findFirst();
    }

    public long count(String query, @Nullable Object... parameters) {
        return one(query, row -> row.getLong(1), parameters).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    public int update(String statement, @Nullable Object... parameters) {
        return withConnection(connection -> {
            try (PreparedStatement prepared = prepare(connection, statement, parameters, false)) {
                return prepared.executeUpdate();
            }
        });
    }

    /** Inserts one row and returns its generated {@code id}. */
    public long insert(String statement, @Nullable Object... parameters) {
        return withConnection(connection -> {
            try (PreparedStatement prepared = prepare(connection, statement, parameters, true)) {
                prepared.executeUpdate();
                try (ResultSet keys = prepared.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated key for: " + statement);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(TransactionWork<T> work) {
        if (transaction != null) {
            throw new IllegalStateException("transactions do not nest");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Sql(dataSource, connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try {
            if (transaction != null) {
                return work.run(transaction);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String query, Object[] parameters,
                                             boolean returnKeys) throws SQLException {
        PreparedStatement statement = returnKeys
                ? connection.prepareStatement(query, new String[] {"id"})
                : connection.prepareStatement(query);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            statement.setObject(i + 1, parameter instanceof Instant instant
                    ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : parameter);
        }
        return statement;
    }

    /** The current row of a result, with the conversions the repositories need. */
    public static final class Row {

        private final ResultSet rows;

        Row(ResultSet rows) {
            this.rows = rows;
        }

        public String getString(String column) throws SQLException {
            return rows.getString(column);
        }

        public long getLong(String column) throws SQLException {
            return rows.getLong(column);
        }

        public long getLong(int column) throws SQLException {
            return rows.getLong(column);
        }

        public int getInt(String column) throws SQLException {
            return rows.getInt(column);
        }

        public boolean getBoolean(String column) throws SQLException {
            return rows.getBoolean(column);
        }

        /** A timestamp column, or null when it is NULL. */
        public @Nullable Instant getInstant(String column) throws SQLException {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }

        /** A timestamp column declared NOT NULL. */
        public Instant getRequiredInstant(String column) throws SQLException {
            return Objects.requireNonNull(getInstant(column), () -> column + " is NULL, though declared NOT NULL");
        }
    }
}
