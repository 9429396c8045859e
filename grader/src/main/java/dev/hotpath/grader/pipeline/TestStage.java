package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.TestMain;
import dev.hotpath.grader.exercise.Limits;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stage 2: run the visible and hidden tests against the compiled submission in a child JVM. The
 * child streams raw events; {@link TestRunRecorder} turns them into results against the tests the
 * exercise is known to have, so a child that dies, exits or stays silent fails those tests.
 */
final class TestStage {

    record Result(StageResult stage, List<TestResult> tests, String output) {

        boolean passed() {
            return stage.status() == StageResult.Status.PASSED;
        }
    }

    private TestStage() {
    }

    /**
     * Starts the test JVM before the submission is compiled: it boots JUnit while the parent compiles,
     * then waits for {@link #run}. Close it if the submission never gets that far.
     */
    static ChildJvm.Launched launch(PreparedExercise exercise, Path submissionClasses, Path workDir, ChildJvm children)
            throws GradingException {
        Limits limits = exercise.exercise().manifest().limits();
        PreparedExercise.FixedClasses fixed = exercise.classes();
        // The submission comes last: a class in it cannot replace a fixed one.
        List<Path> classpath = List.of(fixed.support(), fixed.visibleTests(), fixed.hiddenTests(), submissionClasses);
        ChildJvm.Spec spec = new ChildJvm.Spec(classpath, JvmOptions.forTests(), limits.heapMegabytes(),
                TestMain.class.getName(), List.of(fixed.visibleTests().toString(), fixed.hiddenTests().toString()), workDir);
        try {
            return children.launch(spec, Duration.ofSeconds(limits.runSeconds()));
        } catch (IOException e) {
            throw new GradingException("could not start the test JVM: " + e.getMessage(), e);
        }
    }

    static Result run(PreparedExercise exercise, ChildJvm.Launched child, Consumer<String> progress)
            throws GradingException {
        long start = System.nanoTime();
        Limits limits = exercise.exercise().manifest().limits();
        PreparedExercise.TestCatalog catalog = exercise.tests();
        int total = catalog.expected().size();
        TestRunRecorder recorder = new TestRunRecorder(catalog.expected(), catalog.containers(), limits.testSeconds(),
                done -> progress.accept(done + " of " + total + " tests done"));
        ChildJvm.Outcome outcome;
        try {
            outcome = child.run(recorder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        }

        Optional<TestRunRecorder.EarlyEnd> earlyEnd = earlyEnd(recorder, outcome);
        List<TestResult> tests = recorder.results(earlyEnd);
        long counted = tests.stream().filter(test -> test.status().counted()).count();
        long passed = tests.stream().filter(test -> test.status() == TestResult.Status.PASSED).count();
        boolean allPassed = earlyEnd.isEmpty() && passed == counted;
        String message = passed + " of " + counted + " tests passed"
                + earlyEnd.map(end -> "; the test run was stopped because " + end.reason()).orElse("");
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(new StageResult(Stage.TESTS, allPassed ? StageResult.Status.PASSED : StageResult.Status.FAILED,
                millis, message), tests, outcome.output());
    }

    /** Why the run did not end normally, if it did not. */
    private static Optional<TestRunRecorder.EarlyEnd> earlyEnd(TestRunRecorder recorder, ChildJvm.Outcome outcome) {
        if (outcome.stop().isPresent()) {
            ChildJvm.Stop stop = outcome.stop().get();
            return Optional.of(new TestRunRecorder.EarlyEnd(stop.reason(), stop.cause() == ChildJvm.StopCause.OVERDUE));
        }
        if (recorder.crash().isPresent()) {
            return Optional.of(new TestRunRecorder.EarlyEnd("the test runner failed: " + recorder.crash().get(), false));
        }
        if (!recorder.completed()) {
            return Optional.of(new TestRunRecorder.EarlyEnd("the test JVM exited (exit code " + outcome.exitCode()
                    + ") before the run finished" + outOfMemory(outcome.output()), false));
        }
        return Optional.empty();
    }

    /** The JVM's own out-of-memory message, which says whether heap or threads ran out. */
    static String outOfMemory(String output) {
        int at = output.indexOf("java.lang.OutOfMemoryError");
        if (at < 0) {
            return "";
        }
        int end = output.indexOf('\n', at);
        return ": it ran out of memory or threads (" + output.substring(at, end < 0 ? output.length() : end).strip() + ")";
    }
}
