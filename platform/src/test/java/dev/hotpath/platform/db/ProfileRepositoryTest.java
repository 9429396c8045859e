package dev.hotpath.platform.db;

import dev.hotpath.grader.profile.FlameGraph;
import dev.hotpath.grader.profile.Profile;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileView;
import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles are kept per submission, within the column's size, and replaced when a grading is retried. */
class ProfileRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private Database database;
    private ProfileRepository profiles;
    private long submission;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        profiles = new ProfileRepository(database.sql());
        long user = new UserRepository(database.sql()).create("ada@example.org", "Ada", "hash", Role.LEARNER, NOW).id();
        submission = new SubmissionRepository(database.sql()).insert(
                new SubmissionRepository.NewSubmission(user, "", "cache-key-explosion", Map.of("A.java", "class A {}")), NOW);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aProfileComesBackAsStoredWithWhatChangedWorkedOutAgain() {
        profiles.store(submission, Optional.of(ScriptedGrader.PROFILE), "", NOW);

        ProfileRepository.Stored stored = profiles.find(submission, "cache-key-explosion").orElseThrow();
        assertThat(stored.comparison()).contains(ScriptedGrader.PROFILE);
        assertThat(profiles.problem(submission)).contains("");
    }

    @Test
    void aProfileTooLargeForItsColumnIsNotKeptAndThePageSaysWhy() {
        List<String> frames = IntStream.range(0, 20_000).mapToObj(i -> "dev.hotpath.cachekey.Generated.method" + i).toList();
        FlameGraph huge = new FlameGraph(ProfileView.CPU, 20_000, 0, frames,
                IntStream.range(0, 20_000).mapToObj(i -> new FlameGraph.Stack(List.of(i), 1)).toList());
        Profile big = new Profile(1, 1, List.of(huge, ScriptedGrader.PROFILE.starter().graph(ProfileView.ALLOCATION),
                ScriptedGrader.PROFILE.starter().graph(ProfileView.WAITING)));

        profiles.store(submission, Optional.of(ProfileComparison.of("cache-key-explosion", List.of(), big, big)), "", NOW);

        assertThat(profiles.problem(submission)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("the profiles were too large to keep").contains("at most 1000000"));
        assertThat(profiles.find(submission, "cache-key-explosion").orElseThrow().comparison()).isEmpty();
    }

    @Test
    void aRetriedGradingReplacesTheProfilesOfTheAttemptBefore() {
        profiles.store(submission, Optional.empty(), "the profiling run was stopped because it ran too long", NOW);
        profiles.store(submission, Optional.of(ScriptedGrader.PROFILE), "", NOW);

        assertThat(profiles.problem(submission)).contains("");
    }
}
