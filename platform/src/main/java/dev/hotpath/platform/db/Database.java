package dev.hotpath.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The platform's database: a connection pool, brought up to the latest schema by the Flyway
 * migrations in {@code db/migration} before anything uses it. Embedded H2 by default, a file under
 * the data directory created on first start; the same migrations run on PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final Sql sql;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.sql = new Sql(dataSource);
    }

    /** The embedded database in {@code dataDir} ({@code hotpath.mv.db}), created and migrated as needed. */
    public static Database embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return open("jdbc:h2:file:" + dir.resolve("hotpath"), "hotpath", "");
    }

    /** Any database with a JDBC URL, migrated to the latest schema. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("hotpath");
        // Web requests, two grading workers and SSE bookkeeping: a small pool is plenty for one machine.
        config.setMaximumPoolSize(12);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    public Sql sql() {
        return sql;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
