package dev.hotpath.grader;

import dev.hotpath.grader.pipeline.Sandbox;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Grades every fixture in src/test/fixtures/submissions through the real pipeline and checks the
 * exact verdict and that the report states the expected reason.
 */
class GradingFixturesTest {

    private static final java.util.List<Stage> CORRECTNESS_STAGES = java.util.List.of(Stage.COMPILE, Stage.POLICY, Stage.TESTS);

    private static Grader grader;

    @BeforeAll
    static void startGrader() {
        // In CI the sandbox is mandatory: every fixture must meet every layer.
        grader = new Grader(Path.of(System.getProperty("java.io.tmpdir")),
                Ci.running() ? Sandbox.Mode.REQUIRED : Sandbox.Mode.IF_AVAILABLE);
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsVerdictAndReason(@TempDir Path scratch) throws Exception {
        // -Dfixtures=name,name runs only those, while iterating on a defence.
        String only = System.getProperty("fixtures", "");
        return SubmissionFixtures.all(scratch).stream()
                .filter(fixture -> only.isEmpty() || java.util.Arrays.asList(only.split(",")).contains(fixture.name()))
                .map(fixture -> DynamicTest.dynamicTest(
                fixture.name() + ": " + fixture.description(), () -> {
                    if (fixture.sandboxedOnly()) {
                        assumeTrue(grader.unsandboxedReason().isEmpty() || Ci.running(),
                                "only the OS sandbox stops this one, and it is not available here: "
                                        + grader.unsandboxedReason().orElse(""));
                    }
                    GradeReport report = grader.grade(fixture.exercise(), fixture.submission(), ProgressListener.NONE);

                    if (fixture.correctnessOnly()) {
                        assertThat(report.stages()).as(ReportJson.write(report))
                                .filteredOn(stage -> CORRECTNESS_STAGES.contains(stage.stage()))
                                .extracting(StageResult::status).hasSize(CORRECTNESS_STAGES.size())
                                .containsOnly(StageResult.Status.PASSED);
                    } else {
                        assertThat(report.verdict()).as(ReportJson.write(report)).isEqualTo(fixture.verdict());
                    }
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
