package dev.hotpath.platform.grading;

import dev.hotpath.grader.Graded;
import dev.hotpath.grader.ProgressEvent;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.SubmissionRepository.ExpiredLease;
import dev.hotpath.platform.db.WorkerRepository;
import dev.hotpath.platform.grading.SubmissionRefusedException.Reason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The grading queue kept in the database, and this process's grading slots that grade from it. Any
 * number of processes (web nodes, workers) may share one database: a submission is stored before
 * anything else happens to it; a slot claims it with a lease, renewed by this process's heartbeat,
 * grades it through {@link GradeFunction} and stores the report if it still owns it. When a process
 * dies, its leases run out and any process puts its submissions back in the queue, so each is graded
 * again; one interrupted {@value #MAX_ATTEMPTS} times is given up with an ERROR rather than crash
 * workers forever. A grading whose measurement is INCONCLUSIVE is queued again after a back-off, up
 * to {@value #MAX_MEASUREMENTS} measurements in all.
 */
public final class QueuedGradingService implements GradingService, AutoCloseable {

    static final int MAX_ATTEMPTS = 3;
    public static final int MAX_MEASUREMENTS = 3;
    /** An idle slot looks for work this many progress polls apart: new work from another machine waits ~1 s. */
    private static final int IDLE_POLLS = 4;
    /** How long closing waits for each slot to notice; one still grading is released to the queue. */
    private static final long CLOSE_WAIT_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(QueuedGradingService.class.getName());

    private final SubmissionRepository submissions;
    private final WorkerRepository workerRegistry;
    private final ProfileRepository profiles;
    private final ExerciseCatalog catalog;
    private final GradeFunction grader;
    private final GradingLimits limits;
    private final QueueTiming timing;
    private final Clock clock;
    private final WorkerIdentity identity = WorkerIdentity.current();
    private final ProgressHub hub;
    private final Object workAvailable = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public QueuedGradingService(SubmissionRepository submissions, WorkerRepository workerRegistry,
                                ProfileRepository profiles, ExerciseCatalog catalog, GradeFunction grader,
                                GradingLimits limits, QueueTiming timing, Clock clock) {
        this.submissions = submissions;
        this.workerRegistry = workerRegistry;
        this.profiles = profiles;
        this.catalog = catalog;
        this.grader = grader;
        this.limits = limits;
        this.timing = timing;
        this.clock = clock;
        this.hub = new ProgressHub(submissions::findAll, timing.progressPoll());
    }

    /**
     * Starts this process's part: the grading slots ({@code limits.workers()}, none on a web-only node), the
     * heartbeat that renews their leases and recovers expired ones, and the progress poller for followers.
     */
    public void start() {
        running = true;
        if (limits.workers() > 0) {
            workerRegistry.register(identity.id(), identity.host(), identity.pid(), limits.workers(), clock.instant());
            recoverDeadNeighbours();
        }
        startThread("grading-heartbeat", this::beat);
        for (int i = 1; i <= limits.workers(); i++) {
            startThread("grading-slot-" + i, this::work);
        }
        hub.start();
    }

    public WorkerIdentity identity() {
        return identity;
    }

    @Override
    public long submit(User learner, String clientAddress, String exerciseId, Map<String, String> files)
            throws SubmissionRefusedException {
        ExerciseCatalog.Entry entry = catalog.find(exerciseId).orElseThrow(() -> new SubmissionRefusedException(
                Reason.UNKNOWN_EXERCISE, "There is no exercise \"" + exerciseId + "\"."));
        Submission submission;
        try {
            submission = Submission.of(entry.exercise(), files);
        } catch (InvalidSubmissionException e) {
            throw new SubmissionRefusedException(Reason.INVALID_FILES, "This submission cannot be graded: "
                    + e.getMessage() + ".");
        }
        SubmissionRepository.Admission admission = submissions.admit(new SubmissionRepository.NewSubmission(
                learner.id(), clientAddress, exerciseId, submission.files()), limits, clock.instant());
        if (admission.refusal().isPresent()) {
            throw refused(admission.refusal().get());
        }
        synchronized (workAvailable) {
            workAvailable.notifyAll();
        }
        return admission.id();
    }

    private SubmissionRefusedException refused(SubmissionRepository.Refusal refusal) {
        return switch (refusal) {
            case IN_FLIGHT -> new SubmissionRefusedException(Reason.PREVIOUS_IN_FLIGHT, "Your previous submission is"
                    + " still being graded. Wait for its verdict, then submit again.");
            case TOO_FREQUENT -> new SubmissionRefusedException(Reason.TOO_FREQUENT, "You submitted "
                    + limits.perLearnerPerMinute() + " times in the last minute, the most allowed. Wait a minute,"
                    + " then submit again.");
            case QUEUE_FULL -> new SubmissionRefusedException(Reason.QUEUE_FULL, "The grading queue is full: "
                    + limits.maxQueued() + " submissions are waiting. Try again in a few minutes.");
            case ADDRESS_BUSY -> new SubmissionRefusedException(Reason.ADDRESS_BUSY, limits.perAddressInFlight()
                    + " submissions from your network address are waiting or being graded, the most allowed at once."
                    + " Try again in a few minutes.");
        };
    }

    @Override
    public Subscription follow(long submissionId, Consumer<SubmissionStatus> subscriber) {
        // Subscribe before reading, so that no change falls between the two; a repeat is harmless.
        Subscription subscription = hub.subscribe(submissionId, subscriber);
        submissions.find(submissionId).ifPresent(subscriber);
        return subscription;
    }

    /**
     * A process of this host that is gone (killed, crashed) holds leases nobody will renew: end them now, so a
     * restart on one machine grades them again at once instead of after the lease. Other hosts' dead workers
     * are recovered when their leases run out.
     */
    private void recoverDeadNeighbours() {
        for (WorkerRepository.Registered worker : workerRegistry.runningOn(identity.host())) {
            if (!worker.id().equals(identity.id()) && ProcessHandle.of(worker.pid()).map(p -> !p.isAlive()).orElse(true)) {
                int leases = workerRegistry.expireLeasesOf(worker.id(), clock.instant());
                if (leases > 0) {
                    LOG.info("worker " + worker.id() + " on this host is gone; " + leases
                            + " of its gradings will be graded again");
                }
            }
        }
        recoverExpiredLeases();
    }

    /** Renews this process's leases, then puts back in the queue what dead processes left behind. */
    private void beat() {
        while (running) {
            try {
                Instant now = clock.instant();
                if (limits.workers() > 0) {
                    submissions.heartbeat(identity.id(), now.plus(timing.lease()), now);
                }
                recoverExpiredLeases();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "heartbeat failed; retrying", e);
            }
            if (!sleep(timing.heartbeat())) {
                return;
            }
        }
    }

    private void recoverExpiredLeases() {
        Instant now = clock.instant();
        for (ExpiredLease lease : submissions.expiredLeases(now)) {
            if (lease.interruptions() >= MAX_ATTEMPTS) {
                GradeReport report = Reports.error(lease.exerciseId(), "grading was interrupted "
                        + lease.interruptions() + " times by its grader stopping, so it is not tried again");
                if (submissions.giveUp(lease, report.summary(), ReportJson.write(report), now)) {
                    LOG.warning("submission " + lease.id() + " was interrupted " + lease.interruptions()
                            + " times; recorded as ERROR");
                }
            } else if (submissions.requeueExpired(lease, now)) {
                LOG.warning("the lease of worker " + lease.workerId() + " on submission " + lease.id()
                        + " expired; it is queued again");
                wakeSlots();
            }
        }
    }

    private void work() {
        while (running) {
            try {
                Instant now = clock.instant();
                Optional<SubmissionStatus> next = submissions.claimNext(identity.id(), identity.host(),
                        now.plus(timing.lease()), now);
                if (next.isPresent()) {
                    grade(next.get());
                } else {
                    synchronized (workAvailable) {
                        // Another machine may queue work, and back-offs end: look again after a few polls.
                        workAvailable.wait(timing.progressPoll().multipliedBy(IDLE_POLLS).toMillis());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // closing: the database may be gone already
                }
                // The database hiccuped: log, pause, go on. A claimed submission is recovered when its lease ends.
                LOG.log(Level.SEVERE, "a grading slot failed", e);
                sleep(timing.heartbeat());
            }
        }
    }

    private void grade(SubmissionStatus claimed) {
        hub.gradingHere(claimed.id(), true);
        try {
            hub.publish(claimed);
            GradeReport report;
            try {
                ExerciseCatalog.Entry entry = catalog.find(claimed.exerciseId()).orElseThrow(() ->
                        new IllegalStateException("exercise " + claimed.exerciseId() + " is not in this node's course"));
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
                report = Reports.error(claimed.exerciseId(), Objects.requireNonNullElse(e.getMessage(), e.toString()));
            }
            store(claimed, report);
        } finally {
            hub.gradingHere(claimed.id(), false);
        }
    }

    private void progress(SubmissionStatus claimed, ProgressEvent event) {
        String message = switch (event.phase()) {
            case STARTED -> "";
            case UPDATE -> event.message();
            case FINISHED -> event.result() == null ? event.message() : event.result().message();
        };
        if (Stage.PERFORMANCE.id().equals(event.stage()) && event.phase() != ProgressEvent.Phase.UPDATE) {
            submissions.measurement(claimed.id(), claimed.attempts(), event.phase() == ProgressEvent.Phase.STARTED,
                    clock.instant());
        }
        submissions.progress(claimed.id(), claimed.attempts(), event.stage(), message);
        submissions.find(claimed.id()).ifPresent(hub::publish);
    }

    private void store(SubmissionStatus claimed, GradeReport report) {
        if (!running) {
            // Closing cut this grading short; its report would blame the shutdown. close() queues it again.
            return;
        }
        Instant now = clock.instant();
        boolean stored;
        if (report.verdict() == Verdict.INCONCLUSIVE && claimed.remeasures() + 1 < MAX_MEASUREMENTS) {
            Duration backOff = timing.remeasureBackOff().multipliedBy(1L << claimed.remeasures());
            stored = submissions.remeasure(claimed.id(), claimed.attempts(), now.plus(backOff),
                    "measuring again: " + report.summary(), now);
        } else {
            stored = submissions.finish(claimed.id(), claimed.attempts(), report.verdict(), report.summary(),
                    ReportJson.write(report), Reports.failedTests(report), now);
        }
        if (!stored) {
            LOG.warning("submission " + claimed.id() + " was graded, but attempt " + claimed.attempts()
                    + " no longer owns it (its lease expired); its report is dropped");
        }
        submissions.find(claimed.id()).ifPresent(hub::publish);
    }

    private void startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void wakeSlots() {
        synchronized (workAvailable) {
            workAvailable.notifyAll();
        }
    }

    /** @return false if interrupted */
    private static boolean sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the slots, the heartbeat and the poller; a grading in progress is put back in the queue at once, for
     * another process or the next start.
     */
    @Override
    public void close() {
        running = false;
        hub.close();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (limits.workers() > 0) {
            try {
                Instant now = clock.instant();
                int released = submissions.release(identity.id(), now);
                workerRegistry.stopped(identity.id(), now);
                if (released > 0) {
                    LOG.info(released + " grading(s) interrupted by stopping are queued again");
                }
            } catch (RuntimeException e) {
                // The database is gone too: the leases run out and another process recovers them.
                LOG.log(Level.WARNING, "could not release this process's gradings; their leases will expire", e);
            }
        }
    }
}
