package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.child.CompileMain;
import dev.hotpath.grader.child.CompilePlan;
import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.submission.Submission;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stage 1: compile the submitted files against the exercise's fixed classes, in a child JVM of
 * bounded heap and time inside the sandbox (javac can be made to fold huge constants or recurse
 * deeply), with annotation processing off; then check they still offer what the tests and
 * benchmarks call.
 */
final class CompileStage {

    /** javac's heap: generous for any honest source file of the 256 KiB a submission may have. */
    static final int HEAP_MEGABYTES = 256;
    static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    private static final Pattern CLASS_FILE = Pattern.compile("([A-Za-z0-9_$]+/)*[A-Za-z0-9_$]+\\.class");

    /**
     * @param apiMissing whether the code compiled but lacks something the tests or benchmarks call (the
     *                   errors say what)
     */
    record Result(StageResult stage, List<CompileError> errors, boolean apiMissing) {

        boolean passed() {
            return errors.isEmpty();
        }
    }

    private CompileStage() {
    }

    /**
     * Starts the compile JVM on the submission; it boots and compiles while the caller does other
     * work (starting the test JVM). Close it if the grading ends before {@link #run}.
     */
    static ChildJvm.Launched launch(PreparedExercise exercise, Submission submission, Path sources, ChildJvm children)
            throws GradingException {
        try {
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> file : submission.files().entrySet()) {
                Path target = sources.resolve(file.getKey()).normalize();
                if (!target.startsWith(sources)) {
                    throw new GradingException("not a usable file name: " + file.getKey(), null);
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                files.add(file.getKey());
            }
            Workspace.share(sources);
            ChildJvm.Spec spec = new ChildJvm.Spec(List.of(sources, exercise.classes().support()),
                    JvmOptions.forCompiler(), HEAP_MEGABYTES, CompileMain.class.getName(),
                    new CompilePlan(sources, exercise.classes().support(), files).toArgs(), sources);
            return children.launch(spec, TIME_LIMIT);
        } catch (IOException e) {
            throw new GradingException("could not start the compiler: " + e.getMessage(), e);
        }
    }

    static Result run(PreparedExercise exercise, ChildJvm.Launched compiler, Path output) throws GradingException {
        long start = System.nanoTime();
        Recorder recorder = new Recorder();
        ChildJvm.Outcome outcome;
        try {
            outcome = compiler.run(recorder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        }
        List<CompileError> errors = recorder.errors;
        boolean apiMissing = false;
        String message;
        Optional<String> failure = failure(recorder, outcome);
        if (failure.isPresent()) {
            errors = List.of(new CompileError("", 0, 0, failure.get()));
            message = "the compiler gave up on this code";
        } else if (!errors.isEmpty()) {
            message = errors.size() == 1 ? "1 compile error" : errors.size() + " compile errors";
        } else {
            recorder.write(output);
            errors = exercise.checkApi(output);
            apiMissing = !errors.isEmpty();
            message = errors.isEmpty() ? "compiled" : "compiled, but the tests need something your code no longer has";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StageResult.Status status = errors.isEmpty() ? StageResult.Status.PASSED : StageResult.Status.FAILED;
        return new Result(new StageResult(Stage.COMPILE, status, millis, message), errors, apiMissing);
    }

    /** What the learner is told when javac did not finish; empty when it did. */
    private static Optional<String> failure(Recorder recorder, ChildJvm.Outcome outcome) throws GradingException {
        if (outcome.stop().filter(stop -> stop.cause() == ChildJvm.StopCause.WALL_LIMIT).isPresent()) {
            return Optional.of("compiling took longer than " + TIME_LIMIT.toSeconds() + " s; simplify the code (very"
                    + " large constant expressions or deeply nested code make the compiler slow)");
        }
        String kind = recorder.crash.orElse("");
        if (kind.contains("OutOfMemoryError") || (!recorder.done && outcome.output().contains("OutOfMemoryError"))) {
            return Optional.of("compiling needed more than the compiler's " + HEAP_MEGABYTES + " MB of memory; simplify"
                    + " the code (very large constant expressions, such as long strings built from constants, use a lot)");
        }
        if (kind.equals(StackOverflowError.class.getName())) {
            return Optional.of("the compiler ran out of stack on this code; an expression or statement is nested too"
                    + " deeply");
        }
        if (!kind.isEmpty()) {
            return Optional.of("the compiler failed on this code (" + kind + "); simplify it");
        }
        if (outcome.stopped() || !recorder.done) {
            // The compiler is the grader's own code: a child that did not finish is the grader's problem.
            throw new GradingException("the compiler did not finish (" + (outcome.stopped() ? outcome.stopReason()
                    : "exit code " + outcome.exitCode()) + "): " + outcome.output().strip(), null);
        }
        return Optional.empty();
    }

    /** Collects the compile JVM's errors and class files. */
    private static final class Recorder implements ChannelHandler {

        private final List<CompileError> errors = new ArrayList<>();
        private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        private boolean done;
        private Optional<String> crash = Optional.empty();

        @Override
        public void onEvent(ChildEvent event) throws ChannelViolation {
            if (done) {
                throw new ChannelViolation("the compiler sent results after it finished");
            }
            if (event instanceof ChildEvent.CompileErrorFound error) {
                errors.add(new CompileError(error.file(), error.line(), error.column(), error.message()));
            } else if (event instanceof ChildEvent.ClassPart part) {
                if (!CLASS_FILE.matcher(part.name()).matches()) {
                    throw new ChannelViolation("the compiler sent a class file named " + part.name());
                }
                classes.computeIfAbsent(part.name(), key -> new ByteArrayOutputStream()).writeBytes(part.data());
            } else if (event instanceof ChildEvent.Crashed crashed) {
                crash = Optional.of(crashed.message());
            } else if (event instanceof ChildEvent.Done) {
                done = true;
            } else {
                throw new ChannelViolation("the compiler sent an unknown event");
            }
        }

        void write(Path output) throws GradingException {
            try {
                Files.createDirectories(output);
                for (Map.Entry<String, ByteArrayOutputStream> file : classes.entrySet()) {
                    Path target = output.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue().toByteArray());
                }
            } catch (IOException e) {
                throw new GradingException("could not write the compiled classes: " + e.getMessage(), e);
            }
        }
    }
}
