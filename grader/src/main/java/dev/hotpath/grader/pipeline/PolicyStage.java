package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2: read the compiled submission's bytecode and refuse it if it uses what graded code may not
 * ({@link BytecodePolicy}) or redefines a class the exercise already has. Each problem names the
 * class, method and forbidden use, at the line it comes from.
 */
final class PolicyStage {

    record Result(StageResult stage, List<CompileError> violations) {

        boolean passed() {
            return violations.isEmpty();
        }
    }

    private PolicyStage() {
    }

    static Result run(PreparedExercise exercise, Path submissionClasses) throws GradingException {
        long start = System.nanoTime();
        List<CompileError> violations = new ArrayList<>();
        try {
            List<byte[]> classFiles = new ArrayList<>();
            for (Path file : RequiredApi.classFiles(submissionClasses)) {
                classFiles.add(Files.readAllBytes(file));
            }
            ClassHierarchy hierarchy = exercise.fixedHierarchy().copy();
            for (byte[] classFile : classFiles) {
                String name = new ClassReader(classFile).getClassName();
                if (hierarchy.isExercise(name)) {
                    violations.add(new CompileError(PreparedExercise.sourcePath(new ClassReader(classFile)), 0, 0,
                            name.replace('/', '.') + " is a class the exercise already has; define it under another name"));
                }
                hierarchy.add(classFile);
            }
            BytecodePolicy policy = new BytecodePolicy(exercise.exercise().manifest().allow(), hierarchy,
                    HarnessClasses.of(exercise));
            for (byte[] classFile : classFiles) {
                String file = PreparedExercise.sourcePath(new ClassReader(classFile));
                for (BytecodePolicy.Violation violation : policy.check(classFile)) {
                    violations.add(new CompileError(file, violation.line(), 0, violation.describe()));
                }
            }
        } catch (IOException e) {
            throw new GradingException("could not read the compiled submission: " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(violations.isEmpty()
                ? new StageResult(Stage.POLICY, StageResult.Status.PASSED, millis, "uses only what graded code may")
                : new StageResult(Stage.POLICY, StageResult.Status.FAILED, millis, violations.size() == 1
                        ? "1 use of something graded code may not use" : violations.size()
                        + " uses of things graded code may not use"), violations);
    }
}
