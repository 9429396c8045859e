package dev.hotpath.grader.report;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The full result of grading one submission; serialized as documented in docs/report-schema.md.
 *
 * @param summary   one sentence for the learner: why this verdict
 * @param sandboxed whether the child JVMs ran inside the OS sandbox
 * @param output    what the submission printed (truncated), for the learner's debugging
 * @param hint      the exercise's hint for the first failing test, or empty
 * @param measurement what the performance stage measured with; null when it did not measure
 */
public record GradeReport(String schema, String exercise, Verdict verdict, String summary, boolean sandboxed,
                          long totalMillis, List<StageResult> stages, List<CompileError> compileErrors,
                          List<TestResult> tests, List<MetricResult> performance, String output, String hint,
                          @Nullable MeasurementConditions measurement) {

    public static final String SCHEMA = "hotpath-report/2";

    public GradeReport {
        stages = List.copyOf(stages);
        compileErrors = List.copyOf(compileErrors);
        tests = List.copyOf(tests);
        performance = List.copyOf(performance);
    }
}
