package dev.hotpath.grader;

import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades every fixture in src/test/fixtures/submissions through the real pipeline and checks the
 * exact verdict and that the report states the expected reason.
 */
class GradingFixturesTest {

    private static Grader grader;

    @BeforeAll
    static void startGrader() {
        grader = new Grader();
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsVerdictAndReason() throws Exception {
        return SubmissionFixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(
                fixture.name() + ": " + fixture.description(), () -> {
                    GradeReport report = grader.grade(fixture.exercise(), fixture.submission(), ProgressListener.NONE);

                    assertThat(report.verdict()).as(ReportJson.write(report)).isEqualTo(fixture.verdict());
                    assertThat(reasons(report)).as(ReportJson.write(report)).contains(fixture.reason());
                }));
    }

    /** Everything in a report that says why: the summary, stage messages, errors and test messages. */
    private static String reasons(GradeReport report) {
        StringBuilder text = new StringBuilder(report.summary()).append('\n');
        report.stages().stream().map(StageResult::message).forEach(message -> text.append(message).append('\n'));
        report.compileErrors().forEach(error -> text.append(error).append('\n'));
        report.tests().stream().map(TestResult::message).forEach(message -> text.append(message).append('\n'));
        return text.toString();
    }
}
