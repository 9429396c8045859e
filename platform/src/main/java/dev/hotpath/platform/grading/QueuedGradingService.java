package dev.hotpath.platform.grading;

import dev.hotpath.grader.Graded;
import dev.hotpath.grader.ProgressEvent;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.grading.SubmissionRefusedException.Reason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The grading queue kept in the database, and a fixed pool of workers that grade from it. A
 * submission is stored before anything else happens to it; a worker claims it, grades it through
 * {@link GradeFunction} and stores the report. Submissions a crash left half-graded go back to the
 * queue when the service starts, so each is graded exactly once more; one interrupted
 * {@value #MAX_ATTEMPTS} times is given up with an ERROR rather than crash the platform forever.
 */
public final class QueuedGradingService implements GradingService, AutoCloseable {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    /** Workers also look for work this often unprompted: another machine may have queued some. */
    private static final long IDLE_POLL_MILLIS = 2_000;
    /** How long closing waits for each worker to notice; one still grading is left to die with the JVM. */
    private static final long CLOSE_WAIT_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(QueuedGradingService.class.getName());

    private final SubmissionRepository submissions;
    private final ProfileRepository profiles;
    private final ExerciseCatalog catalog;
    private final GradeFunction grader;
    private final GradingLimits limits;
    private final Clock clock;
    private final ProgressHub hub = new ProgressHub();
    private final Object workAvailable = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public QueuedGradingService(SubmissionRepository submissions, ProfileRepository profiles, ExerciseCatalog catalog,
                                GradeFunction grader, GradingLimits limits, Clock clock) {
        this.submissions = submissions;
        this.profiles = profiles;
        this.catalog = catalog;
        this.grader = grader;
        this.limits = limits;
        this.clock = clock;
    }

    /** Puts what a crash interrupted back in the queue, then starts the workers. */
    public void start() {
        running = true;
        recoverInterrupted();
        for (int i = 1; i <= limits.workers(); i++) {
            Thread worker = new Thread(this::work, "grading-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public long submit(User learner, String exerciseId, Map<String, String> files) throws SubmissionRefusedException {
        ExerciseCatalog.Entry entry = catalog.find(exerciseId).orElseThrow(() -> new SubmissionRefusedException(
                Reason.UNKNOWN_EXERCISE, "There is no exercise \"" + exerciseId + "\"."));
        Submission submission;
        try {
            submission = Submission.of(entry.exercise(), files);
        } catch (InvalidSubmissionException e) {
            throw new SubmissionRefusedException(Reason.INVALID_FILES, "This submission cannot be graded: "
                    + e.getMessage() + ".");
        }
        long id;
        // Checking the limits and storing must not interleave, or two quick submissions could both pass.
        synchronized (this) {
            checkLimits(learner);
            id = submissions.insert(learner.id(), exerciseId, submission.files(), clock.instant());
        }
        synchronized (workAvailable) {
            workAvailable.notifyAll();
        }
        return id;
    }

    @Override
    public Subscription follow(long submissionId, Consumer<SubmissionStatus> subscriber) {
        // Subscribe before reading, so that no change falls between the two; a repeat is harmless.
        Subscription subscription = hub.subscribe(submissionId, subscriber);
        submissions.find(submissionId).ifPresent(subscriber);
        return subscription;
    }

    private void checkLimits(User learner) throws SubmissionRefusedException {
        if (submissions.countInFlight(learner.id()) > 0) {
            throw new SubmissionRefusedException(Reason.PREVIOUS_IN_FLIGHT, "Your previous submission is still being"
                    + " graded. Wait for its verdict, then submit again.");
        }
        Instant windowStart = clock.instant().minus(RATE_WINDOW);
        if (submissions.countSubmittedSince(learner.id(), windowStart) >= limits.perLearnerPerMinute()) {
            throw new SubmissionRefusedException(Reason.TOO_FREQUENT, "You submitted " + limits.perLearnerPerMinute()
                    + " times in the last minute, the most allowed. Wait a minute, then submit again.");
        }
        if (submissions.countQueued() >= limits.maxQueued()) {
            throw new SubmissionRefusedException(Reason.QUEUE_FULL, "The grading queue is full: "
                    + limits.maxQueued() + " submissions are waiting. Try again in a few minutes.");
        }
    }

    private void recoverInterrupted() {
        for (SubmissionStatus interrupted : submissions.running()) {
            if (interrupted.attempts() >= MAX_ATTEMPTS) {
                GradeReport report = Reports.error(interrupted.exerciseId(), "grading was interrupted "
                        + interrupted.attempts() + " times by the platform stopping, so it is not tried again");
                store(interrupted, report);
                LOG.warning("submission " + interrupted.id() + " was interrupted " + interrupted.attempts()
                        + " times; recorded as ERROR");
            } else if (submissions.requeue(interrupted.id(), interrupted.attempts())) {
                LOG.info("submission " + interrupted.id() + " was being graded when the platform stopped;"
                        + " it is queued again");
            }
        }
    }

    private void work() {
        while (running) {
            try {
                Optional<SubmissionStatus> next = submissions.claimNext(clock.instant());
                if (next.isPresent()) {
                    grade(next.get());
                } else {
                    synchronized (workAvailable) {
                        workAvailable.wait(IDLE_POLL_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // closing: the database may be gone already
                }
                // The database hiccuped: log, pause, go on. The submission stays RUNNING for recovery.
                LOG.log(Level.SEVERE, "a grading worker failed", e);
                pause();
            }
        }
    }

    private void grade(SubmissionStatus claimed) {
        hub.publish(claimed);
        GradeReport report;
        try {
            ExerciseCatalog.Entry entry = catalog.find(claimed.exerciseId()).orElseThrow(() ->
                    new IllegalStateException("exercise " + claimed.exerciseId() + " is no longer in the course"));
            Exercise exercise = entry.exercise();
            Submission submission = Submission.of(exercise, submissions.files(claimed.id()));
            Graded graded = grader.grade(exercise, submission, event -> progress(claimed, event));
            report = graded.report();
            if (graded.profile().isPresent() || !graded.profileProblem().isEmpty()) {
                // Before the verdict: a page reloaded on the verdict finds the profiles there.
                profiles.store(claimed.id(), graded.profile(), graded.profileProblem(), clock.instant());
            }
        } catch (InvalidSubmissionException | RuntimeException e) {
            LOG.log(Level.SEVERE, "grading submission " + claimed.id() + " failed", e);
            report = Reports.error(claimed.exerciseId(), e.getMessage());
        }
        store(claimed, report);
    }

    private void progress(SubmissionStatus claimed, ProgressEvent event) {
        String message = switch (event.phase()) {
            case STARTED -> "";
            case UPDATE -> event.message();
            case FINISHED -> event.result() == null ? event.message() : event.result().message();
        };
        submissions.progress(claimed.id(), claimed.attempts(), event.stage(), message);
        submissions.find(claimed.id()).ifPresent(hub::publish);
    }

    private void store(SubmissionStatus claimed, GradeReport report) {
        if (!running && claimed.state() == SubmissionState.RUNNING) {
            // Closing cut this grading short; its report would blame the shutdown. Graded again after the next start.
            return;
        }
        boolean stored = submissions.finish(claimed.id(), claimed.attempts(), report.verdict(), report.summary(),
                ReportJson.write(report), Reports.failedTests(report), clock.instant());
        if (!stored) {
            LOG.warning("submission " + claimed.id() + " was graded, but attempt " + claimed.attempts()
                    + " no longer owns it; its report is dropped");
        }
        submissions.find(claimed.id()).ifPresent(hub::publish);
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(IDLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers; a grading in progress is abandoned and will be graded again after the next start. */
    @Override
    public void close() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
