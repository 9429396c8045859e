package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.exercise.ExerciseManifest;
import dev.hotpath.grader.exercise.Hint;
import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MeasurementConditions;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;
import dev.hotpath.grader.report.Verdict;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/** Stage 4: decide the verdict from the stage results and assemble the report. */
final class VerdictStage {

    private final ExerciseManifest manifest;
    private final boolean sandboxed;
    private final List<StageResult> stages = new ArrayList<>();
    private List<CompileError> compileErrors = List.of();
    private boolean apiMissing;
    private List<TestResult> tests = List.of();
    private List<MetricResult> performance = List.of();
    private @Nullable MeasurementConditions measurement;
    private String output = "";

    VerdictStage(ExerciseManifest manifest, boolean sandboxed) {
        this.manifest = manifest;
        this.sandboxed = sandboxed;
    }

    void compiled(CompileStage.Result result) {
        stages.add(result.stage());
        compileErrors = result.errors();
        apiMissing = result.apiMissing();
    }

    void policed(PolicyStage.Result result) {
        stages.add(result.stage());
        compileErrors = result.violations();
    }

    void tested(TestStage.Result result) {
        stages.add(result.stage());
        tests = result.tests();
        output = result.output();
    }

    void measured(PerformanceStage.Result result) {
        stages.add(result.stage());
        performance = result.metrics();
        measurement = result.conditions().orElse(null);
    }

    /** The report once the pipeline has run as far as it could. */
    GradeReport report(long totalMillis) {
        StageResult last = stages.get(stages.size() - 1);
        skipRemaining();
        for (StageResult stage : stages) {
            if (stage.status() == StageResult.Status.ERROR) {
                return report(Verdict.ERROR, "The grader could not finish " + stage.stage().id() + ": " + stage.message()
                        + ". This is not a problem with your code.", totalMillis, "");
            }
        }
        if (!compileErrors.isEmpty()) {
            String summary = switch (last.stage()) {
                case POLICY -> "Your code uses something graded code may not use: "
                        + compileErrors.get(0).message() + ".";
                default -> apiMissing
                        ? "Your code compiles, but it no longer has something the tests use."
                        : "Your code does not compile: " + last.message() + ".";
            };
            return report(Verdict.FAIL, summary, totalMillis, "");
        }
        if (last.stage() == Stage.TESTS && last.status() == StageResult.Status.FAILED) {
            return report(Verdict.FAIL, "Not correct yet: " + last.message() + ".", totalMillis, hintForTests());
        }
        if (last.status() == StageResult.Status.INCONCLUSIVE) {
            return report(Verdict.INCONCLUSIVE, "All tests pass, but the machine was too busy for a fair measurement: "
                    + last.message() + ". This says nothing about your code; grade it again.", totalMillis, "");
        }
        if (last.status() == StageResult.Status.FAILED) {
            return report(Verdict.FAIL, "All tests pass, but the performance did not shift enough: "
                    + last.message() + ".", totalMillis, generalHint());
        }
        return report(Verdict.PASS, "All tests pass and every metric cleared its threshold.", totalMillis, "");
    }

    /** The report when grading stopped on a problem that is not the learner's. */
    GradeReport error(String problem, long totalMillis) {
        skipRemaining();
        return report(Verdict.ERROR, "The grader could not finish: " + problem + ". This is not a problem with your code.",
                totalMillis, "");
    }

    private void skipRemaining() {
        for (Stage stage : Stage.values()) {
            if (stages.stream().noneMatch(result -> result.stage() == stage)) {
                stages.add(StageResult.skipped(stage, "not run"));
            }
        }
    }

    private String hintForTests() {
        for (TestResult test : tests) {
            if (test.status().failed()) {
                for (Hint hint : manifest.hints()) {
                    if (hint.appliesTo(test.className(), test.method())) {
                        return hint.text();
                    }
                }
            }
        }
        return "";
    }

    private String generalHint() {
        return manifest.hints().stream().filter(hint -> hint.tests().isEmpty()).map(Hint::text).findFirst().orElse("");
    }

    private GradeReport report(Verdict verdict, String summary, long totalMillis, String hint) {
        return new GradeReport(GradeReport.SCHEMA, manifest.id(), verdict, summary, sandboxed, totalMillis, stages,
                compileErrors, tests, performance, output, hint, measurement);
    }
}
