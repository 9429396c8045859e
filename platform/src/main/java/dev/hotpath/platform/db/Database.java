package dev.hotpath.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The platform's database: a connection pool, brought up to the latest schema by the Flyway
 * migrations in {@code db/migration} before anything uses it. Embedded H2 by default, a file under
 * the data directory created on first start; PostgreSQL (or any JDBC URL) when several processes
 * share one database. The same migrations run on both.
 */
public final class Database implements AutoCloseable {

    /** Where to connect; {@code password} may be empty (H2, or PostgreSQL trusting local connections). */
    public record Location(String jdbcUrl, String user, String password) {

        /** The embedded database in {@code dataDir} ({@code hotpath.mv.db}), created as needed. */
        public static Location embedded(Path dataDir) {
            Path dir = dataDir.toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dir, e);
            }
            return new Location("jdbc:h2:file:" + dir.resolve("hotpath"), "hotpath", "");
        }

        public boolean embedded() {
            return jdbcUrl.startsWith("jdbc:h2:");
        }

        /** The URL without a password a user may have put in it, fit for messages and logs. */
        public String describe() {
            return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + (user.isEmpty() ? "" : " as " + user);
        }
    }

    private static final String MIGRATIONS = "classpath:db/migration";
    /** How long opening waits for an unreachable database before it says so. */
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    private final HikariDataSource dataSource;
    private final Sql sql;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.sql = new Sql(dataSource);
    }

    /** The embedded database in {@code dataDir} ({@code hotpath.mv.db}), created and migrated as needed. */
    public static Database embedded(Path dataDir) {
        return open(Location.embedded(dataDir), 12);
    }

    /** Any database with a JDBC URL, migrated to the latest schema, with a pool of up to 12 connections. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(new Location(jdbcUrl, user, password), 12);
    }

    /**
     * Connects, refuses a schema newer than this code, and migrates an older one.
     *
     * @param poolSize at most this many connections: each grading slot holds one briefly per progress step,
     *                 web requests one each, and PostgreSQL's default limit is 100 for all nodes together
     * @throws DatabaseUnavailableException if the database cannot be reached or its schema is newer than the code
     */
    public static Database open(Location location, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        config.setUsername(location.user());
        config.setPassword(location.password());
        config.setPoolName("hotpath");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MILLIS);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot reach the database " + location.describe() + ": "
                    + driverMessage(e).replaceAll("\\.$", "") + ". Check that it runs, that the URL, user and password are right, and that"
                    + " this machine may connect (docs/deploy.md).", e);
        }
        try {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
            refuseNewerSchema(flyway.info(), location);
            flyway.migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /**
     * A database migrated by a newer Hotpath has tables this code does not know and may miss ones it needs:
     * stop with the versions rather than run on it (Flyway alone would ignore the newer migrations).
     */
    private static void refuseNewerSchema(MigrationInfoService info, Location location) {
        Optional<MigrationInfo> future = Arrays.stream(info.applied())
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED)
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (future.isPresent()) {
            String known = Arrays.stream(info.all())
                    .filter(migration -> migration.getState() != MigrationState.FUTURE_SUCCESS
                            && migration.getState() != MigrationState.FUTURE_FAILED)
                    .map(migration -> migration.getVersion().getVersion())
                    .reduce((a, b) -> b).orElse("none");
            throw new DatabaseUnavailableException("the database " + location.describe() + " has schema version "
                    + future.get().getVersion() + " (" + future.get().getDescription() + "), newer than this Hotpath,"
                    + " which knows versions up to " + known + ". Run the newer Hotpath on this node too"
                    + " (docs/deploy.md, \"Upgrading\").", null);
        }
    }

    /** The driver's own words (e.g. "Connection to db:5432 refused"), else the deepest cause's. */
    private static String driverMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException) {
                return String.valueOf(cause.getMessage());
            }
            message = String.valueOf(cause.getMessage());
        }
        return message;
    }

    public Sql sql() {
        return sql;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
