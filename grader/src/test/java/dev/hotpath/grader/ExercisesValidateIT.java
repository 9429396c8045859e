package dev.hotpath.grader;

import dev.hotpath.grader.exercise.Exercise;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instructor's check, for every exercise in the repository, in {@code mvn verify}: the starter is
 * correct and slow, the reference solution passes, every trap is caught. An exercise that does not
 * show its performance shift on this machine fails the build with the measured numbers.
 */
class ExercisesValidateIT {

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
    Stream<DynamicTest> everyExerciseValidates() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("../exercises"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("exercise.yaml"))).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                        ValidationReport report = new Validator(grader).validate(Exercise.load(dir), Validator.Progress.NONE);
                        String details = report.checks().stream()
                                .map(check -> (check.passed() ? "ok   " : "FAIL ") + check.subject() + " "
                                        + check.expectation() + "\n       " + check.detail())
                                .collect(Collectors.joining("\n"));
                        System.out.println("Validation of " + report.exercise() + ":\n" + details);
                        assertThat(report.passed()).as("validation of %s:%n%s", report.exercise(), details).isTrue();
                    }));
        }
    }
}
