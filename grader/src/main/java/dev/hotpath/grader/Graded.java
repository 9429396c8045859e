package dev.hotpath.grader;

import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.report.GradeReport;

import java.util.Optional;

/**
 * A grading with its profiles. The profiles stay outside the report: they are large, recorded in a
 * pass of their own after the verdict is settled, and never change it.
 *
 * @param profile        the submission's profile beside the starter's; empty when the submission did not
 *                       reach the performance stage or profiling failed
 * @param profileProblem why profiling failed, for people; empty when it did not run or succeeded
 */
public record Graded(GradeReport report, Optional<ProfileComparison> profile, String profileProblem) {
}
