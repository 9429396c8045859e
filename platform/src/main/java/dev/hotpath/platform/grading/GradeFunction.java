package dev.hotpath.platform.grading;

import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.submission.Submission;

/** Grades one submission: the grader's {@code Grader::grade} in production. */
@FunctionalInterface
public interface GradeFunction {

    GradeReport grade(Exercise exercise, Submission submission, ProgressListener listener);
}
