package dev.hotpath.platform.db;

import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.auth.Role;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations and every repository's SQL run on H2 as the platform uses it and on H2 in
 * PostgreSQL compatibility mode, the stand-in here for the PostgreSQL that graders on several
 * machines would share.
 */
class MigrationsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {";MODE=REGULAR", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
    void migrationsAndRepositoriesRunOn(String mode) {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + mode;
        try (Database database = Database.open(url, "sa", "")) {
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

            long id = submissions.insert(ada.id(), "ex", Map.of("A.java", "class A {}"), NOW);
            assertThat(submissions.countInFlight(ada.id())).isEqualTo(1);
            assertThat(submissions.countSubmittedSince(ada.id(), NOW.minusSeconds(60))).isEqualTo(1);
            assertThat(submissions.latestId(ada.id(), "ex")).contains(id);
            assertThat(submissions.latestId(ada.id(), "other")).isEmpty();

            SubmissionStatus claimed = submissions.claimNext(NOW).orElseThrow();
            assertThat(claimed.state()).isEqualTo(SubmissionState.RUNNING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(submissions.claimNext(NOW)).isEmpty();
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

            validations.save("ex", true, "{}", NOW);
            validations.save("ex", false, "{\"again\":true}", NOW);
            assertThat(validations.find("ex")).hasValueSatisfying(v -> assertThat(v.passed()).isFalse());
        }
    }
}
