package dev.hotpath.grader;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.GradingPipeline;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.submission.Submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hotpath's grader as a library: the web platform and the command line both call
 * {@link #grade(Exercise, Submission, ProgressListener)}. Free of terminal and web concerns.
 * Thread-safe; close it to delete its work directory.
 */
public final class Grader implements AutoCloseable {

    private final GradingPipeline pipeline;

    /** A grader working in a fresh directory under the system's temporary directory. */
    public Grader() {
        this(freshWorkRoot());
    }

    /** @param workRoot a directory of the grader's own; it is deleted on {@link #close()} */
    public Grader(Path workRoot) {
        this.pipeline = new GradingPipeline(workRoot);
    }

    /** Grades {@code submission}; never throws for problems with the submission, only reports them. */
    public GradeReport grade(Exercise exercise, Submission submission, ProgressListener listener) {
        return pipeline.grade(exercise, submission, listener);
    }

    @Override
    public void close() {
        pipeline.close();
    }

    private static Path freshWorkRoot() {
        try {
            return Files.createTempDirectory("hotpath-grader-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the grader's work directory", e);
        }
    }
}
