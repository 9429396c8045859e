package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.submission.Submission;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Stage 1: compile the submitted files against the exercise's fixed classes, in this process, with
 * annotation processing off; then check they still offer what the tests and benchmarks call.
 */
final class CompileStage {

    static final String NAME = "compile";

    record Result(StageResult stage, List<CompileError> errors) {

        boolean passed() {
            return errors.isEmpty();
        }
    }

    private CompileStage() {
    }

    static Result run(PreparedExercise exercise, Submission submission, Path output) throws GradingException {
        long start = System.nanoTime();
        List<CompileError> errors;
        try {
            errors = Javac.compile(submission.files(), List.of(exercise.classes().support()), output);
        } catch (IOException e) {
            throw new GradingException("could not run the compiler: " + e.getMessage(), e);
        }
        String message;
        if (!errors.isEmpty()) {
            message = errors.size() == 1 ? "1 compile error" : errors.size() + " compile errors";
        } else {
            errors = exercise.checkApi(output);
            message = errors.isEmpty() ? "compiled" : "compiled, but the tests need something your code no longer has";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StageResult.Status status = errors.isEmpty() ? StageResult.Status.PASSED : StageResult.Status.FAILED;
        return new Result(new StageResult(NAME, status, millis, message), errors);
    }
}
