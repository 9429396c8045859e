package dev.hotpath.platform.grading;

import dev.hotpath.grader.Graded;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.submission.Submission;

/** Grades one submission and profiles it: the grader's {@code Grader::gradeAndProfile} in production. */
@FunctionalInterface
public interface GradeFunction {

    Graded grade(Exercise exercise, Submission submission, ProgressListener listener);
}
