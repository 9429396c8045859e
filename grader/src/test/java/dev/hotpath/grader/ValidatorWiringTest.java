package dev.hotpath.grader;

import dev.hotpath.grader.authoring.ScaffoldedRepository;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate} checks the wiring first, and speaks of the subject it grades, not of "your code". */
class ValidatorWiringTest {

    @TempDir
    Path root;

    @Test
    void validateStopsAtTheWiringBeforeGradingAnything() throws Exception {
        Path exercise = ScaffoldedRepository.built(root);
        Path trap = exercise.resolve("traps/sum-in-an-int.yaml");
        Files.writeString(trap, Files.readString(trap).replace("#edgeCases", "#edgeCase"));
        List<String> graded = new ArrayList<>();

        ValidationReport report;
        try (Grader grader = new Grader(root, Sandbox.Mode.OFF)) {
            report = new Validator(grader).validate(Exercise.load(exercise), subject -> {
                graded.add(subject);
                return event -> { };
            });
        }

        assertThat(graded).isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.subject()).isEqualTo("wiring");
            assertThat(check.detail()).isEqualTo(trap + ":7: failing-tests: no such test: ReportBuilderContractTest#edgeCase"
                    + " in src/test/java or src/hidden/java (did you mean ReportBuilderContractTest#edgeCases?)");
        });
    }

    @Test
    void validationProgressNamesTheSubjectInsteadOfYourCode() {
        assertThat(Validator.relabel("starter", "The grader could not finish performance: the starter could not be"
                + " measured: boom. This is not a problem with your code."))
                .isEqualTo("The grader could not finish performance: the starter could not be measured: boom.");
        assertThat(Validator.relabel("starter", "measuring your code failed: boom"))
                .isEqualTo("measuring the starter failed: boom");
        assertThat(Validator.relabel("trap int-sum", "Your code does not compile: x."))
                .isEqualTo("Trap int-sum does not compile: x.");
    }
}
