package dev.hotpath.platform.db;

import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.TestPostgres;
import dev.hotpath.platform.auth.Role;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations and every repository's SQL run on H2 as the platform uses it and on a real
 * PostgreSQL ({@link TestPostgres}: mandatory in CI); a database that cannot be used stops the start
 * with a message saying why.
 */
class MigrationsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void migrationsAndRepositoriesRunOn(String engine) {
        Database.Location location = engine.equals("H2")
                ? new Database.Location("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : TestPostgres.createDatabase();
        try (Database database = Database.open(location, 4)) {
            UserRepository users = new UserRepository(database.sql());
            SessionRepository sessions = new SessionRepository(database.sql());
            SubmissionRepository submissions = new SubmissionRepository(database.sql());
            DashboardRepository dashboard = new DashboardRepository(database.sql());
            ValidationRepository validations = new ValidationRepository(database.sql());

            User ada = users.create("ada@example.org", "Ada", "hash", Role.LEARNER, NOW);
            assertThat(users.findByEmail("ada@example.org")).hasValueSatisfying(c -> assertThat(c.user()).isEqualTo(ada));
            assertThat(users.setRole("ada@example.org", Role.INSTRUCTOR)).hasValueSatisfying(u -> assertThat(u.isInstructor()).isTrue());

            sessions.create("token-hash", ada.id(), "csrf", NOW, NOW.plusSeconds(60));
            assertThat(sessions.find("token-hash", NOW)).hasValueSatisfying(s -> assertThat(s.csrfToken()).isEqualTo("csrf"));
            assertThat(sessions.find("token-hash", NOW.plusSeconds(61))).isEmpty();
            assertThat(sessions.deleteExpired(NOW.plusSeconds(61))).isEqualTo(1);

            GradingLimits limits = new GradingLimits(6, 1, 50, 1);
            SubmissionRepository.NewSubmission first = new SubmissionRepository.NewSubmission(ada.id(), "10.0.0.1", "ex",
                    Map.of("A.java", "class A {}"));
            long id = submissions.admit(first, limits, NOW).id();
            assertThat(submissions.admit(first, limits, NOW).refusal()).contains(SubmissionRepository.Refusal.IN_FLIGHT);
            assertThat(submissions.latestId(ada.id(), "ex")).contains(id);
            assertThat(submissions.latestId(ada.id(), "other")).isEmpty();
            assertThat(submissions.findAll(List.of(id, id + 100))).extracting(SubmissionStatus::id).containsExactly(id);

            SubmissionStatus claimed = submissions.claimNext("w1", "host-a", NOW.plusSeconds(30), NOW).orElseThrow();
            assertThat(claimed.state()).isEqualTo(SubmissionState.RUNNING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(submissions.claimNext("w1", "host-a", NOW.plusSeconds(30), NOW)).isEmpty();
            new WorkerRepository(database.sql()).register("w1", "host-a", 42, 1, NOW);
            submissions.heartbeat("w1", NOW.plusSeconds(40), NOW);
            assertThat(submissions.expiredLeases(NOW.plusSeconds(35))).isEmpty();
            submissions.measurement(id, 1, true, NOW);
            submissions.progress(id, 1, "tests", "1 of 2 tests done");
            assertThat(submissions.find(id).orElseThrow().stageMessage()).isEqualTo("1 of 2 tests done");
            assertThat(submissions.finish(id, 2, Verdict.PASS, "stale", "{}", List.of(), NOW)).as("not its attempt").isFalse();
            assertThat(submissions.finish(id, 1, Verdict.FAIL, "Not correct yet.", "{\"report\":1}",
                    List.of(new SubmissionRepository.FailedTest("t1", "Test one", "FAILED")), NOW)).isTrue();
            assertThat(submissions.find(id).orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(submissions.reportJson(id)).contains("{\"report\":1}");
            assertThat(submissions.files(id)).containsExactly(Map.entry("A.java", "class A {}"));
            assertThat(submissions.progress(ada.id()).get("ex").passed()).isFalse();

            DashboardRepository.ExerciseStats stats = dashboard.exerciseStats(List.of("ex")).get(0);
            assertThat(stats.learners()).isEqualTo(1);
            assertThat(stats.commonFailures()).containsExactly(new DashboardRepository.FailingTest("Test one", 1, 1));
            assertThat(dashboard.learnersOf("ex")).hasSize(1);
            assertThat(dashboard.export()).hasSize(1);
            assertThat(dashboard.recent(NOW.minusSeconds(1))).extracting(DashboardRepository.Worker::id).containsExactly("w1");
            assertThat(dashboard.health(NOW.minusSeconds(1)).queued()).isZero();

            validations.save("ex", true, "{}", NOW);
            validations.save("ex", false, "{\"again\":true}", NOW);
            assertThat(validations.find("ex")).hasValueSatisfying(v -> assertThat(v.passed()).isFalse());
            assertThat(submissions.find(id).orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        } finally {
            if (!location.embedded()) {
                TestPostgres.drop(location);
            }
        }
    }

    @Test
    void aVerdictMayBeInconclusive() {
        try (Database database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            SubmissionRepository submissions = new SubmissionRepository(database.sql());
            User ada = new UserRepository(database.sql()).create("ada@example.org", "Ada", "hash", Role.LEARNER, NOW);
            long id = submissions.insert(new SubmissionRepository.NewSubmission(ada.id(), "", "ex", Map.of()), NOW);
            submissions.claimNext("w1", "host-a", NOW.plusSeconds(30), NOW);
            assertThat(submissions.finish(id, 1, Verdict.INCONCLUSIVE, "The machine was too busy.", "{}", List.of(), NOW))
                    .isTrue();
            assertThat(submissions.find(id).orElseThrow().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        }
    }

    @Test
    void aSchemaNewerThanTheCodeStopsTheStartWithBothVersions() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database ignored = Database.open(url, "sa", "");
             Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            // What a newer Hotpath's migration leaves behind in Flyway's history.
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'sa', 1, TRUE)");

            assertThatThrownBy(() -> Database.open(url, "sa", "").close())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("has schema version 99 (from the future), newer than this Hotpath")
                    .hasMessageContaining("knows versions up to 4");
        }
    }

    @Test
    void anUnreachableDatabaseSaysWhereItLookedAndWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/hotpath?password=secret&connectTimeout=2";
        assertThatThrownBy(() -> Database.open(new Database.Location(url, "hotpath", "secret"), 2))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot reach the database jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/hotpath?password=***&connectTimeout=2 as hotpath")
                .hasMessageContaining("Connection to 127.0.0.1:" + closedPort + " refused")
                .hasMessageContaining("Check that it runs")
                .hasMessageNotContaining("secret");
    }
}
