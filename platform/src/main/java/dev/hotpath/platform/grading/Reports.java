package dev.hotpath.platform.grading;

import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.db.SubmissionRepository.FailedTest;

import java.util.Arrays;
import java.util.List;

/** Grade reports the platform makes itself, when the grader never produced one, and what it keeps of them. */
final class Reports {

    private Reports() {
    }

    /** An ERROR report in the grader's own format, so that pages and the API need no special case. */
    static GradeReport error(String exerciseId, String problem) {
        List<StageResult> stages = Arrays.stream(Stage.values()).map(stage -> StageResult.skipped(stage, "not run")).toList();
        return new GradeReport(GradeReport.SCHEMA, exerciseId, Verdict.ERROR,
                "The grader could not finish: " + problem + ". This is not a problem with your code.",
                false, 0, stages, List.of(), List.of(), List.of(), "", "", null);
    }

    static List<FailedTest> failedTests(GradeReport report) {
        return report.tests().stream()
                .filter(test -> test.status().failed())
                .map(test -> new FailedTest(test.id(), test.name(), test.status().name()))
                .toList();
    }
}
