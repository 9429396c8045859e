package dev.hotpath.grader.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotpath.grader.child.CompileMain;
import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.submission.Submission;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stage 1: compile the submitted files against the exercise's fixed classes, in a child JVM of
 * bounded heap and time inside the sandbox (javac can be made to fold huge constants or recurse
 * deeply), with annotation processing off; then check they still offer what the tests and
 * benchmarks call.
 */
final class CompileStage {

    static final String NAME = "compile";
    /** javac's heap: generous for any honest source file of the 256 KiB a submission may have. */
    static final int HEAP_MEGABYTES = 256;
    static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    private static final Pattern CLASS_FILE = Pattern.compile("([A-Za-z0-9_$]+/)*[A-Za-z0-9_$]+\\.class");

    record Result(StageResult stage, List<CompileError> errors) {

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
            List<String> args = new ArrayList<>(List.of(sources.toString(), exercise.classes().support().toString()));
            for (Map.Entry<String, String> file : submission.files().entrySet()) {
                Path target = sources.resolve(file.getKey()).normalize();
                if (!target.startsWith(sources)) {
                    throw new GradingException("not a usable file name: " + file.getKey(), null);
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                args.add(file.getKey());
            }
            Workspace.share(sources);
            ChildJvm.Spec spec = new ChildJvm.Spec(List.of(sources, exercise.classes().support()),
                    JvmOptions.forCompiler(), HEAP_MEGABYTES, CompileMain.class.getName(), args, sources);
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
        String message;
        String failure = failure(recorder, outcome);
        if (failure != null) {
            errors = List.of(new CompileError("", 0, 0, failure));
            message = "the compiler gave up on this code";
        } else if (!errors.isEmpty()) {
            message = errors.size() == 1 ? "1 compile error" : errors.size() + " compile errors";
        } else {
            recorder.write(output);
            errors = exercise.checkApi(output);
            message = errors.isEmpty() ? "compiled" : "compiled, but the tests need something your code no longer has";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StageResult.Status status = errors.isEmpty() ? StageResult.Status.PASSED : StageResult.Status.FAILED;
        return new Result(new StageResult(NAME, status, millis, message), errors);
    }

    /** What the learner is told when javac did not finish, or null when it did. */
    private static @Nullable String failure(Recorder recorder, ChildJvm.Outcome outcome) throws GradingException {
        String stopReason = outcome.stopReason();
        if (stopReason != null && stopReason.startsWith("it ran longer")) {
            return "compiling took longer than " + TIME_LIMIT.toSeconds() + " s; simplify the code (very large"
                    + " constant expressions or deeply nested code make the compiler slow)";
        }
        String kind = recorder.crash == null ? "" : recorder.crash;
        if (kind.contains("OutOfMemoryError") || (!recorder.done && outcome.output().contains("OutOfMemoryError"))) {
            return "compiling needed more than the compiler's " + HEAP_MEGABYTES + " MB of memory; simplify the code"
                    + " (very large constant expressions, such as long strings built from constants, use a lot)";
        }
        if (kind.equals("stack")) {
            return "the compiler ran out of stack on this code; an expression or statement is nested too deeply";
        }
        if (!kind.isEmpty()) {
            return "the compiler failed on this code (" + kind + "); simplify it";
        }
        if (outcome.stopped() || !recorder.done) {
            // The compiler is the grader's own code: a child that did not finish is the grader's problem.
            throw new GradingException("the compiler did not finish (" + (outcome.stopped() ? outcome.stopReason()
                    : "exit code " + outcome.exitCode()) + "): " + outcome.output().strip(), null);
        }
        return null;
    }

    /** Collects the compile JVM's errors and class files. */
    private static final class Recorder implements ChannelHandler {

        private final List<CompileError> errors = new ArrayList<>();
        private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        private boolean done;
        private @Nullable String crash;

        @Override
        public void onEvent(JsonNode event) throws ChannelViolation {
            if (done) {
                throw new ChannelViolation("the compiler sent results after it finished");
            }
            switch (event.path("event").asText()) {
                case "error" -> errors.add(new CompileError(event.path("file").asText(), event.path("line").asLong(),
                        event.path("column").asLong(), event.path("message").asText()));
                case "class" -> {
                    String name = event.path("name").asText();
                    if (!CLASS_FILE.matcher(name).matches()) {
                        throw new ChannelViolation("the compiler sent a class file named " + name);
                    }
                    try {
                        classes.computeIfAbsent(name, key -> new ByteArrayOutputStream())
                                .writeBytes(Base64.getDecoder().decode(event.path("data").asText()));
                    } catch (IllegalArgumentException e) {
                        throw new ChannelViolation("the compiler sent a malformed class file");
                    }
                }
                case "crashed" -> crash = event.path("kind").asText();
                case "done" -> done = true;
                default -> throw new ChannelViolation("the compiler sent an unknown event");
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
