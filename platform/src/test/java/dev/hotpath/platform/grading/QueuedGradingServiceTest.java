package dev.hotpath.platform.grading;

import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.TestCourse;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.TestPostgres;
import dev.hotpath.platform.auth.Role;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.UserRepository;
import dev.hotpath.platform.db.WorkerRepository;
import dev.hotpath.platform.grading.SubmissionRefusedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's promises, on H2 and on a real PostgreSQL: nothing is lost or graded twice, also when a worker
 * dies or several processes share the database; leases are renewed while a grading runs and recovered when
 * they run out; caps hold across processes; a flood from one address does not starve anyone; an inconclusive
 * measurement is tried again; followers see every step, also of a grading in another process.
 */
class QueuedGradingServiceTest {

    /** Short enough for tests, with the same ratios as the defaults. */
    private static final QueueTiming FAST = new QueueTiming(Duration.ofMillis(1_200), Duration.ofMillis(200),
            Duration.ofMillis(50), Duration.ofMillis(300));
    private static ExerciseCatalog catalog;

    private Database.Location location;
    private Database database;
    private SubmissionRepository submissions;
    private ProfileRepository profiles;
    private User learner;
    private final ScriptedGrader grader = new ScriptedGrader();
    private final List<QueuedGradingService> services = new ArrayList<>();

    private void open(String engine) throws Exception {
        if (catalog == null) {
            catalog = ExerciseCatalog.load(TestCourse.load(), TestCourse.EXERCISES);
        }
        location = engine.equals("H2")
                ? new Database.Location("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : TestPostgres.createDatabase();
        database = Database.open(location, 20);
        submissions = new SubmissionRepository(database.sql());
        profiles = new ProfileRepository(database.sql());
        learner = learner("q@example.org");
    }

    @AfterEach
    void close() {
        grader.release();
        services.forEach(QueuedGradingService::close);
        if (database != null) {
            database.close();
            if (!location.embedded()) {
                TestPostgres.drop(location);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aDeadWorkersLeaseRunsOutAndAnotherGradesItExactlyOnceMoreAndNoneIsLost(String engine) throws Exception {
        open(engine);
        long interrupted = store("// id: interrupted");
        Instant now = Instant.now();
        // A worker on another machine claimed it, then died: its lease ends in a second and nobody renews it.
        submissions.claimNext("dead-worker", "other-host", now.plusSeconds(1), now);
        long waiting = store("// id: waiting");
        long poisoned = store("// id: poisoned");
        database.sql().update("UPDATE submissions SET state = 'RUNNING', attempts = ?, worker_id = 'dead-worker',"
                + " lease_expires_at = ? WHERE id = ?", QueuedGradingService.MAX_ATTEMPTS, now, poisoned);

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
        assertThat(givenUp.summary()).isEqualTo("The grader could not finish: grading was interrupted 3 times by its"
                + " grader stopping, so it is not tried again. This is not a problem with your code.");
        assertThat(submissions.reportJson(poisoned)).hasValueSatisfying(json -> assertThat(json).contains("\"ERROR\""));
        assertThat(database.sql().count("SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'LEASE_EXPIRED'"))
                .isEqualTo(1);
    }

    @Test
    void aLiveWorkersHeartbeatKeepsItsLeaseThroughAGradingLongerThanTheLease() throws Exception {
        open("H2");
        QueuedGradingService worker = service(1);
        service(1).start(); // another process that would take over an expired lease
        worker.start();
        grader.hold();
        long id = store("// id: long");
        awaitStage(id, "tests");

        Thread.sleep(FAST.lease().multipliedBy(3).toMillis());
        grader.release();

        awaitDone(id);
        assertThat(submissions.find(id).orElseThrow().attempts()).as("never taken away").isEqualTo(1);
        assertThat(grader.gradingsOf("// id: long")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void workersRacingForTheQueueGradeEachSubmissionOnce(String engine) throws Exception {
        open(engine);
        // Six slots in three services, as three graders sharing one database would run.
        service(2).start();
        service(2).start();
        service(2).start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(store("// id: " + i));
        }

        awaitDone(ids.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < 30; i++) {
            assertThat(grader.gradingsOf("// id: " + i)).as("submission %d", i).isEqualTo(1);
        }
        assertThat(database.sql().count("SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'VERDICT'")).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void capsHoldAcrossWebNodesSubmittingAtTheSameTime(String engine) throws Exception {
        open(engine);
        GradingLimits limits = new GradingLimits(6, 100, 10, 0);
        QueuedGradingService first = service(limits);
        QueuedGradingService second = service(limits);
        List<User> learners = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            learners.add(learner("racer" + i + "@example.org"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Reason>> results = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            QueuedGradingService node = i % 2 == 0 ? first : second;
            User racer = learners.get(i);
            results.add(pool.submit(() -> {
                try {
                    node.submit(racer, "10.0.0." + racer.id(), TestPlatform.EXERCISE, Map.of(TestPlatform.EDITABLE, "//"));
                    return null;
                } catch (SubmissionRefusedException e) {
                    return e.reason();
                }
            }));
        }
        int admitted = 0;
        for (Future<Reason> result : results) {
            Reason reason = result.get();
            if (reason == null) {
                admitted++;
            } else {
                assertThat(reason).isEqualTo(Reason.QUEUE_FULL);
            }
        }
        pool.shutdown();

        assertThat(admitted).isEqualTo(10);
        assertThat(submissions.countQueued()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aFloodFromOneAddressIsCappedAndAnHonestLearnerIsGradedNext(String engine) throws Exception {
        open(engine);
        QueuedGradingService web = service(new GradingLimits(6, 20, 50, 0));
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            try {
                web.submit(learner("sybil" + i + "@example.org"), "203.0.113.7", TestPlatform.EXERCISE,
                        Map.of(TestPlatform.EDITABLE, "// sybil " + i));
            } catch (SubmissionRefusedException e) {
                assertThat(e.reason()).isEqualTo(Reason.ADDRESS_BUSY);
                assertThat(e.getMessage()).contains("20 submissions from your network address");
                refused++;
            }
        }
        long honest = web.submit(learner, "198.51.100.4", TestPlatform.EXERCISE, Map.of(TestPlatform.EDITABLE, "// honest"));

        assertThat(refused).isEqualTo(30);
        // The flood's first submission was queued before the honest one, its 19 others are behind it.
        Instant now = Instant.now();
        assertThat(submissions.claimNext("w", "h", now.plusSeconds(30), now).orElseThrow().id()).isNotEqualTo(honest);
        assertThat(submissions.claimNext("w", "h", now.plusSeconds(30), now).orElseThrow().id()).isEqualTo(honest);
    }

    @Test
    void anInconclusiveMeasurementIsTriedAgainWithBackOffThenItsHonestMessageIsTheVerdict() throws Exception {
        open("H2");
        QueuedGradingService service = service(1);
        service.start();
        long id = service.submit(learner, "", TestPlatform.EXERCISE,
                Map.of(TestPlatform.EDITABLE, ScriptedGrader.marker(ScriptedGrader.Outcome.INCONCLUSIVE) + "// id: busy"));
        List<SubmissionStatus> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.follow(id, seen::add)) {
            awaitDone(id);
        }

        SubmissionStatus done = submissions.find(id).orElseThrow();
        assertThat(grader.gradingsOf("// id: busy")).isEqualTo(QueuedGradingService.MAX_MEASUREMENTS);
        assertThat(done.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(done.summary()).startsWith("The machine was too busy for a fair measurement");
        assertThat(done.remeasures()).isEqualTo(2);
        assertThat(seen).anySatisfy(status -> {
            assertThat(status.state()).isEqualTo(SubmissionState.QUEUED);
            assertThat(status.stageMessage()).startsWith("measuring again: The machine was too busy");
        });
        List<Instant> starts = database.sql().list("SELECT started_at FROM grading_attempts WHERE submission_id = ?"
                + " ORDER BY attempt", row -> row.getInstant("started_at"), id);
        assertThat(Duration.between(starts.get(0), starts.get(1))).as("first back-off").isGreaterThanOrEqualTo(FAST.remeasureBackOff());
        assertThat(Duration.between(starts.get(1), starts.get(2))).as("doubled")
                .isGreaterThanOrEqualTo(FAST.remeasureBackOff().multipliedBy(2));
    }

    @Test
    void aFollowerGetsTheCurrentStateThenEveryStepUntilTheVerdict() throws Exception {
        open("H2");
        QueuedGradingService service = service(1);
        service.start();
        grader.hold();
        long id = service.submit(learner, "", TestPlatform.EXERCISE, Map.of(TestPlatform.EDITABLE, "// followed"));
        List<SubmissionStatus> seen = follow(service, id);

        assertThat(seen.get(0).state()).isIn(SubmissionState.QUEUED, SubmissionState.RUNNING);
        assertThat(seen).extracting(SubmissionStatus::stage).contains("tests");
        assertThat(seen.get(seen.size() - 1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(ReportJson.read(submissions.reportJson(id).orElseThrow()).verdict()).isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aFollowerOnAWebNodeSeesTheStepsOfAGradingInAnotherProcess(String engine) throws Exception {
        open(engine);
        QueuedGradingService web = service(new GradingLimits(6, 20, 50, 0));
        web.start();
        service(1).start();
        grader.hold();
        long id = web.submit(learner, "", TestPlatform.EXERCISE, Map.of(TestPlatform.EDITABLE, "// elsewhere"));
        List<SubmissionStatus> seen = follow(web, id);

        assertThat(seen).extracting(SubmissionStatus::stage).contains("tests");
        assertThat(seen.get(seen.size() - 1).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void stoppingAWorkerPutsItsGradingBackInTheQueueAtOnce() throws Exception {
        open("H2");
        QueuedGradingService stopping = service(1);
        stopping.start();
        grader.hold();
        long id = store("// id: stopped");
        awaitStage(id, "tests");

        stopping.close();

        assertThat(submissions.find(id).orElseThrow().state()).isEqualTo(SubmissionState.QUEUED);
        assertThat(database.sql().count("SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'RELEASED'")).isEqualTo(1);
        grader.release();
        service(1).start();
        awaitDone(id);
        assertThat(submissions.find(id).orElseThrow().attempts()).isEqualTo(2);
    }

    /** Follows {@code id} while the held grader is released, until the verdict. */
    private List<SubmissionStatus> follow(QueuedGradingService service, long id) throws InterruptedException {
        List<SubmissionStatus> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.follow(id, seen::add)) {
            awaitStage(id, "tests");
            Thread.sleep(FAST.progressPoll().toMillis() * 4);
            grader.release();
            awaitDone(id);
            for (int i = 0; i < 50 && (seen.isEmpty() || !seen.get(seen.size() - 1).done()); i++) {
                Thread.sleep(20);
            }
        }
        return seen;
    }

    @Test
    void theProfilesOfAMeasuredSubmissionAreStoredBeforeItsVerdictAndDeletedWithIt() throws Exception {
        open("H2");
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

    private QueuedGradingService service(int slots) {
        return service(new GradingLimits(100, 100, 100, slots));
    }

    private QueuedGradingService service(GradingLimits limits) {
        QueuedGradingService service = new QueuedGradingService(submissions, new WorkerRepository(database.sql()),
                profiles, catalog, grader, limits, FAST, Clock.systemUTC());
        services.add(service);
        return service;
    }

    private User learner(String email) {
        return new UserRepository(database.sql()).create(email, "Q", "hash", Role.LEARNER, Instant.now());
    }

    private long store(String code) {
        return submissions.insert(new SubmissionRepository.NewSubmission(learner.id(), "", TestPlatform.EXERCISE,
                Map.of(TestPlatform.EDITABLE, code)), Instant.now());
    }

    private void awaitStage(long id, String stage) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!stage.equals(submissions.find(id).orElseThrow().stage())) {
            assertThat(System.nanoTime()).as("submission %d reached %s within 10 s", id, stage).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void awaitDone(long... ids) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (long id : ids) {
            while (!submissions.find(id).orElseThrow().done()) {
                assertThat(System.nanoTime()).as("submission %d graded within 20 s", id).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }
}
