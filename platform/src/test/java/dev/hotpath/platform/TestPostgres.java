package dev.hotpath.platform;

import dev.hotpath.platform.db.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real PostgreSQL server for the tests, named by {@code HOTPATH_TEST_DATABASE_URL} (user and password in
 * {@code HOTPATH_TEST_DATABASE_USER}/{@code _PASSWORD}; .ci/run starts one and sets them). Each test gets a
 * fresh database of its own on that server. Mandatory when CI=true; elsewhere the tests that need it are
 * skipped, saying so.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "HOTPATH_TEST_DATABASE_URL";
    private static final String MISSING = "a PostgreSQL server is needed: set " + URL_VARIABLE
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres) and HOTPATH_TEST_DATABASE_USER, a user who may"
            + " create databases; .ci/run starts one";

    private TestPostgres() {
    }

    /** Skips the test, with the reason, when no server is configured; fails instead when CI=true. */
    public static void assumeAvailable() {
        if (configured()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true, and " + MISSING);
        }
        assumeTrue(false, MISSING + "; these tests are mandatory only when CI=true");
    }

    /** A new, empty database on the server; {@link #drop} removes it. */
    public static Database.Location createDatabase() {
        assumeAvailable();
        String name = "hotpath_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        String admin = System.getenv(URL_VARIABLE);
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        return new Database.Location(url, user(), password());
    }

    public static void drop(Database.Location database) {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String statement) {
        try (Connection connection = DriverManager.getConnection(System.getenv(URL_VARIABLE), user(), password());
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " on " + System.getenv(URL_VARIABLE) + " failed", e);
        }
    }

    private static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static String user() {
        String user = System.getenv("HOTPATH_TEST_DATABASE_USER");
        return user == null ? "postgres" : user;
    }

    private static String password() {
        String password = System.getenv("HOTPATH_TEST_DATABASE_PASSWORD");
        return password == null ? "" : password;
    }
}
