package dev.hotpath.platform.grading;

import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.TestCourse;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.auth.Role;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's promises: nothing is lost or graded twice, also across a crash, and followers see every step. */
class QueuedGradingServiceTest {

    private static ExerciseCatalog catalog;

    private Database database;
    private SubmissionRepository submissions;
    private ProfileRepository profiles;
    private User learner;
    private final ScriptedGrader grader = new ScriptedGrader();
    private final List<QueuedGradingService> services = new ArrayList<>();

    @BeforeEach
    void openDatabase() throws Exception {
        if (catalog == null) {
            catalog = ExerciseCatalog.load(TestCourse.load(), TestCourse.EXERCISES);
        }
        database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        submissions = new SubmissionRepository(database.sql());
        profiles = new ProfileRepository(database.sql());
        learner = new UserRepository(database.sql()).create("q@example.org", "Q", "hash", Role.LEARNER, Instant.now());
    }

    @AfterEach
    void close() {
        grader.release();
        services.forEach(QueuedGradingService::close);
        database.close();
    }

    @Test
    void afterACrashHalfGradedSubmissionsAreGradedExactlyOnceMoreAndNoneIsLost() {
        long interrupted = store("// id: interrupted");
        long waiting = store("// id: waiting");
        submissions.claimNext(Instant.now()); // a worker took the first, then the platform died
        long poisoned = store("// id: poisoned");
        database.sql().update("UPDATE submissions SET state = 'RUNNING', attempts = ? WHERE id = ?",
                QueuedGradingService.MAX_ATTEMPTS, poisoned); // the platform died grading it, every time

        service(2).start();

        awaitDone(interrupted, waiting, poisoned);
        assertThat(submissions.find(interrupted).orElseThrow().attempts()).isEqualTo(2);
        assertThat(submissions.find(interrupted).orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(submissions.find(waiting).orElseThrow().attempts()).isEqualTo(1);
        assertThat(grader.gradingsOf("// id: interrupted")).isEqualTo(1);
        assertThat(grader.gradingsOf("// id: waiting")).isEqualTo(1);
        assertThat(grader.gradingsOf("// id: poisoned")).as("given up, not graded again").isZero();
        SubmissionStatus givenUp = submissions.find(poisoned).orElseThrow();
        assertThat(givenUp.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(givenUp.summary()).isEqualTo("The grader could not finish: grading was interrupted 3 times by the"
                + " platform stopping, so it is not tried again. This is not a problem with your code.");
        assertThat(submissions.reportJson(poisoned)).hasValueSatisfying(json -> assertThat(json).contains("\"ERROR\""));
    }

    @Test
    void workersRacingForTheQueueGradeEachSubmissionOnce() {
        // Four workers in two services, as two graders sharing one database would run.
        service(2).start();
        service(2).start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(submissions.insert(learner.id(), TestPlatform.EXERCISE,
                    Map.of(TestPlatform.EDITABLE, "// id: " + i), Instant.now()));
        }

        awaitDone(ids.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < 12; i++) {
            assertThat(grader.gradingsOf("// id: " + i)).as("submission %d", i).isEqualTo(1);
        }
    }

    @Test
    void aFollowerGetsTheCurrentStateThenEveryStepUntilTheVerdict() throws Exception {
        QueuedGradingService service = service(1);
        service.start();
        grader.hold();
        long id = service.submit(learner, TestPlatform.EXERCISE, Map.of(TestPlatform.EDITABLE, "// followed"));
        List<SubmissionStatus> seen = new CopyOnWriteArrayList<>();

        try (Subscription ignored = service.follow(id, seen::add)) {
            grader.release();
            awaitDone(id);
            for (int i = 0; i < 50 && (seen.isEmpty() || !seen.get(seen.size() - 1).done()); i++) {
                Thread.sleep(20);
            }
        }

        assertThat(seen.get(0).state()).isIn(SubmissionState.QUEUED, SubmissionState.RUNNING);
        assertThat(seen).extracting(SubmissionStatus::stage).contains("tests");
        assertThat(seen.get(seen.size() - 1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(ReportJson.read(submissions.reportJson(id).orElseThrow()).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theProfilesOfAMeasuredSubmissionAreStoredBeforeItsVerdictAndDeletedWithIt() {
        service(1).start();
        long measured = store("// measured");
        long failing = store(ScriptedGrader.marker(ScriptedGrader.Outcome.FAIL_TESTS));

        awaitDone(measured, failing);

        assertThat(profiles.problem(measured)).contains("");
        assertThat(profiles.find(measured, TestPlatform.EXERCISE).orElseThrow().comparison()).contains(ScriptedGrader.PROFILE);
        assertThat(profiles.problem(failing)).as("never reached the performance stage").isEmpty();
        database.sql().update("DELETE FROM submissions WHERE id = ?", measured);
        assertThat(database.sql().count("SELECT COUNT(*) FROM submission_profiles WHERE submission_id = ?", measured)).isZero();
    }

    private QueuedGradingService service(int workers) {
        QueuedGradingService service = new QueuedGradingService(submissions, profiles, catalog, grader,
                new GradingLimits(100, 100, workers), Clock.systemUTC());
        services.add(service);
        return service;
    }

    private long store(String code) {
        return submissions.insert(learner.id(), TestPlatform.EXERCISE, Map.of(TestPlatform.EDITABLE, code), Instant.now());
    }

    private void awaitDone(long... ids) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (long id : ids) {
            while (!submissions.find(id).orElseThrow().done()) {
                assertThat(System.nanoTime()).as("submission %d graded within 10 s", id).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }
}
