package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.Graded;
import dev.hotpath.grader.ProgressEvent;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.profile.JfrProfileReader;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileException;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.submission.Submission;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Grades a submission: {@link CompileStage} → {@link PolicyStage} → {@link TestStage} →
 * {@link PerformanceStage} → {@link VerdictStage}. Each stage runs only if the one before it passed;
 * on request, {@link ProfileStage} then records profiles, apart from the measurement.
 * Thread-safe: gradings may run concurrently, but only one measures or profiles at a time on the whole host
 * ({@link HostMeasurementLock}). What it derives from
 * an exercise build is prepared once and reused until the build changes.
 */
public final class GradingPipeline implements AutoCloseable {

    private record Prepared(String stamp, PreparedExercise exercise) {
    }

    private final Path workRoot;
    private final ChildJvm children;
    private final @Nullable String unsandboxedReason;
    private final Map<Path, Prepared> prepared = new ConcurrentHashMap<>();
    private final ProfileStage profiles = new ProfileStage(JfrProfileReader.DEFAULT_DEADLINE);

    /**
     * A pipeline working in a fresh directory under {@code parent}, deleted by {@link #close()}.
     *
     * @throws SandboxUnavailableException if {@code mode} requires the sandbox and this machine has none
     * @throws GradingException if the work directory cannot be made
     */
    public GradingPipeline(Path parent, Sandbox.Mode mode) throws GradingException {
        this(parent, mode, Sandbox::detect);
    }

    /** @param detector finds the machine's sandbox, or explains in its argument why there is none */
    GradingPipeline(Path parent, Sandbox.Mode mode, Function<StringBuilder, Optional<Sandbox>> detector)
            throws GradingException {
        StringBuilder whyNot = new StringBuilder();
        Sandbox sandbox = null;
        if (mode == Sandbox.Mode.OFF) {
            whyNot.append("the sandbox is turned off");
        } else {
            sandbox = detector.apply(whyNot).orElse(null);
        }
        if (sandbox == null && mode == Sandbox.Mode.REQUIRED) {
            throw new SandboxUnavailableException("refusing to grade without the sandbox: " + whyNot
                    + " (see docs/security.md; an explicit flag allows unsandboxed grading)");
        }
        try {
            this.workRoot = Workspace.createPrivateDirectory(parent, "hotpath-grader-");
            this.children = new ChildJvm(sandbox, ChildClasspath.copyTo(workRoot.resolve("runtime")));
        } catch (IOException e) {
            throw new GradingException("cannot set up the grader's work directory under " + parent + ": " + e, e);
        }
        this.unsandboxedReason = sandbox == null ? whyNot.toString() : null;
    }

    /** Why child JVMs run without the sandbox, or empty when they run inside it. */
    public Optional<String> unsandboxedReason() {
        return Optional.ofNullable(unsandboxedReason);
    }

    /**
     * Grades; with {@code profile}, a submission that reached the performance stage is then profiled too.
     *
     * @param seed the workload seed of the measurement, the same for starter and submission
     */
    public Graded grade(Exercise exercise, Submission submission, ProgressListener listener, long seed, boolean profile) {
        Progress progress = new Progress(listener, System.nanoTime());
        VerdictStage verdict = new VerdictStage(exercise.manifest(), children.sandboxed());
        Optional<ProfileComparison> profiled = Optional.empty();
        String profileProblem = "";
        try (Workspace workspace = Workspace.create(workRoot, "grade-")) {
            PreparedExercise prepared = prepare(exercise);
            Path submissionClasses = workspace.directory("submission");
            Path scratch = workspace.directory("scratch");
            if (correct(prepared, submission, workspace, submissionClasses, scratch, progress, verdict)) {
                measure(prepared, submissionClasses, scratch, seed, progress, verdict);
                if (profile) {
                    try {
                        profiled = Optional.of(profile(prepared, submissionClasses, scratch, progress));
                    } catch (ProfileException e) {
                        profileProblem = Objects.requireNonNullElse(e.getMessage(), e.toString());
                    }
                }
            }
            return new Graded(verdict.report(progress.elapsedMillis()), profiled, profileProblem);
        } catch (GradingException e) {
            return new Graded(verdict.error(Objects.requireNonNullElse(e.getMessage(), e.toString()), progress.elapsedMillis()),
                    Optional.empty(), "");
        } catch (IOException | UncheckedIOException e) {
            return new Graded(verdict.error("the grader's work directory failed: " + e.getMessage(),
                    progress.elapsedMillis()), Optional.empty(), "");
        }
    }

    /**
     * Profiles a submission without grading it: compiles it, checks the policy, and records its
     * profile beside the starter's. For learners trying things locally.
     *
     * @throws ProfileException if it does not compile, breaks the policy, or cannot be profiled
     */
    public ProfileComparison profile(Exercise exercise, Submission submission, ProgressListener listener)
            throws ProfileException, GradingException {
        Progress progress = new Progress(listener, System.nanoTime());
        try (Workspace workspace = Workspace.create(workRoot, "profile-")) {
            PreparedExercise prepared = prepare(exercise);
            Path submissionClasses = workspace.directory("submission");
            CompileStage.Result compiled;
            try (ChildJvm.Launched compiler = CompileStage.launch(prepared, submission, workspace.directory("sources"),
                    children)) {
                compiled = CompileStage.run(prepared, compiler, submissionClasses);
            }
            Workspace.share(submissionClasses);
            if (!compiled.passed()) {
                throw new ProfileException("your code does not compile: " + compiled.errors());
            }
            PolicyStage.Result policed = PolicyStage.run(prepared, submissionClasses);
            if (!policed.passed()) {
                throw new ProfileException("your code uses what graded code may not: " + policed.violations());
            }
            return profile(prepared, submissionClasses, workspace.directory("scratch"), progress);
        } catch (IOException | UncheckedIOException e) {
            throw new GradingException("the grader's work directory failed: " + e.getMessage(), e);
        }
    }

    /** Profiling runs take the measurement slot too, so they never disturb another grading's measurement. */
    private ProfileComparison profile(PreparedExercise prepared, Path submissionClasses, Path scratch, Progress progress)
            throws ProfileException, GradingException {
        Consumer<String> updates = progress.updates(Stage.PERFORMANCE);
        try (HostMeasurementLock.Held held = HostMeasurementLock.acquire(HostMeasurementLock.hostDirectory(),
                () -> updates.accept("waiting for another grading's measurement to finish"))) {
            return profiles.run(prepared, submissionClasses, scratch, children, updates);
        }
    }

    /** Compile, policy and tests; true when all passed. The test JVM boots while the submission compiles. */
    private boolean correct(PreparedExercise prepared, Submission submission, Workspace workspace, Path submissionClasses,
                            Path scratch, Progress progress, VerdictStage verdict) throws GradingException, IOException {
        progress.started(Stage.COMPILE);
        try (ChildJvm.Launched compiler = CompileStage.launch(prepared, submission, workspace.directory("sources"), children);
             ChildJvm.Launched testJvm = TestStage.launch(prepared, submissionClasses, scratch, children)) {
            CompileStage.Result compiled = CompileStage.run(prepared, compiler, submissionClasses);
            Workspace.share(submissionClasses);
            progress.finished(compiled.stage());
            verdict.compiled(compiled);
            if (!compiled.passed()) {
                return false;
            }

            progress.started(Stage.POLICY);
            PolicyStage.Result policed = PolicyStage.run(prepared, submissionClasses);
            progress.finished(policed.stage());
            verdict.policed(policed);
            if (!policed.passed()) {
                return false;
            }

            progress.started(Stage.TESTS);
            TestStage.Result tested = TestStage.run(prepared, testJvm, progress.updates(Stage.TESTS));
            progress.finished(tested.stage());
            verdict.tested(tested);
            return tested.passed();
        }
    }

    /** The performance stage, one measurement at a time on this host. */
    private void measure(PreparedExercise prepared, Path submissionClasses, Path scratch, long seed, Progress progress,
                         VerdictStage verdict) throws GradingException {
        progress.started(Stage.PERFORMANCE);
        Consumer<String> updates = progress.updates(Stage.PERFORMANCE);
        long waitStart = System.nanoTime();
        PerformanceStage.Result measured;
        try (HostMeasurementLock.Held held = HostMeasurementLock.acquire(HostMeasurementLock.hostDirectory(),
                () -> updates.accept("waiting for another grading's measurement to finish"))) {
            measured = PerformanceStage.run(prepared, submissionClasses, scratch, children, seed,
                    (held.acquiredNanos() - waitStart) / 1_000_000, updates);
        }
        progress.finished(measured.stage());
        verdict.measured(measured);
    }

    /** The exercise prepared for grading, from cache while its build is unchanged. */
    PreparedExercise prepare(Exercise exercise) throws GradingException {
        String stamp = buildStamp(exercise);
        Prepared cached = prepared.get(exercise.dir());
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.exercise();
        }
        synchronized (this) {
            cached = prepared.get(exercise.dir());
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.exercise();
            }
            try {
                Path dir = Workspace.createPrivateDirectory(workRoot, "exercise-" + exercise.id() + "-");
                PreparedExercise fresh = PreparedExercise.prepare(exercise, dir);
                Prepared previous = prepared.put(exercise.dir(), new Prepared(stamp, fresh));
                if (previous != null) {
                    previous.exercise().delete();
                }
                return fresh;
            } catch (IOException e) {
                throw new GradingException("could not prepare " + exercise + ": " + e.getMessage(), e);
            }
        }
    }

    /** Changes whenever the exercise's build output, starter or manifest changes. */
    private static String buildStamp(Exercise exercise) {
        StringBuilder stamp = new StringBuilder();
        for (Path path : new Path[] {exercise.dir().resolve("exercise.yaml"), exercise.starterDir(), exercise.mainClasses(),
                exercise.visibleTestClasses(), exercise.hiddenTestClasses(), exercise.benchmarkClasses()}) {
            stamp.append(Exercise.newestModification(path, file -> true).orElse(FileTime.fromMillis(0))).append('/');
        }
        return stamp.toString();
    }


    @Override
    public void close() {
        prepared.values().forEach(cached -> cached.exercise().delete());
        Workspace.deleteTree(workRoot);
    }

    /** Turns stage events into {@link ProgressEvent}s with elapsed time. */
    private static final class Progress {

        private final ProgressListener listener;
        private final long start;

        Progress(ProgressListener listener, long start) {
            this.listener = listener;
            this.start = start;
        }

        long elapsedMillis() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        void started(Stage stage) {
            listener.progress(new ProgressEvent(stage.id(), ProgressEvent.Phase.STARTED, "", elapsedMillis(), null));
        }

        Consumer<String> updates(Stage stage) {
            return message -> listener.progress(new ProgressEvent(stage.id(), ProgressEvent.Phase.UPDATE, message,
                    elapsedMillis(), null));
        }

        void finished(StageResult result) {
            listener.progress(new ProgressEvent(result.stage().id(), ProgressEvent.Phase.FINISHED, result.message(),
                    elapsedMillis(), result));
        }
    }
}
