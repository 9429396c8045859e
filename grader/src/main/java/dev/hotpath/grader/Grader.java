package dev.hotpath.grader;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.GradingException;
import dev.hotpath.grader.pipeline.GradingPipeline;
import dev.hotpath.grader.pipeline.Sandbox;
import dev.hotpath.grader.pipeline.SandboxUnavailableException;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileException;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.submission.Submission;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Hotpath's grader as a library: the web platform and the command line both call
 * {@link #grade(Exercise, Submission, ProgressListener)}. Free of terminal and web concerns.
 * Thread-safe; close it to delete its work directory.
 */
public final class Grader implements AutoCloseable {

    /** Per-grading seeds nobody can predict, so no submission can recognise the measured workload. */
    private static final SecureRandom SEEDS = new SecureRandom();

    private final GradingPipeline pipeline;

    /** A grader that sandboxes child JVMs when this machine can, working under the temporary directory. */
    public Grader() {
        this(Path.of(System.getProperty("java.io.tmpdir")), Sandbox.Mode.IF_AVAILABLE);
    }

    /**
     * @param parent where the grader makes its work directory
     * @param mode   whether grading requires the OS sandbox (see docs/security.md)
     * @throws SandboxUnavailableException if the sandbox is required but unavailable
     * @throws IllegalStateException if the work directory fails
     */
    public Grader(Path parent, Sandbox.Mode mode) {
        try {
            this.pipeline = new GradingPipeline(parent, mode);
        } catch (GradingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Grades {@code submission} with a fresh workload seed; never throws for problems with the submission,
     * only reports them.
     */
    public GradeReport grade(Exercise exercise, Submission submission, ProgressListener listener) {
        return pipeline.grade(exercise, submission, listener, SEEDS.nextLong(), false).report();
    }

    /** Grades with the workload seed a report gave, to measure a disputed verdict again the same way. */
    public GradeReport grade(Exercise exercise, Submission submission, ProgressListener listener, long seed) {
        return pipeline.grade(exercise, submission, listener, seed, false).report();
    }

    /**
     * Grades {@code submission}, then, if it reached the performance stage, records its profile
     * beside the starter's in a separate pass (the verdict is the same as {@link #grade}'s).
     */
    public Graded gradeAndProfile(Exercise exercise, Submission submission, ProgressListener listener) {
        return pipeline.grade(exercise, submission, listener, SEEDS.nextLong(), true);
    }

    /**
     * Runs the exercise's benchmark workload once under the profiler, for {@code submission} and the
     * starter, without grading: compile and policy only.
     *
     * @throws ProfileException if the submission does not compile or cannot be profiled, saying why
     */
    public ProfileComparison profile(Exercise exercise, Submission submission, ProgressListener listener)
            throws ProfileException {
        try {
            return pipeline.profile(exercise, submission, listener);
        } catch (GradingException e) {
            throw new ProfileException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        }
    }

    /** Why graded code runs without the OS sandbox, or empty when it runs inside it. */
    public Optional<String> unsandboxedReason() {
        return pipeline.unsandboxedReason();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
