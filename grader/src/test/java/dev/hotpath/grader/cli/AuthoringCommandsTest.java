package dev.hotpath.grader.cli;

import dev.hotpath.grader.authoring.ScaffoldedRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code grader new} and {@code validate --check} on the command line, in a temp copy of the repository's parts. */
class AuthoringCommandsTest {

    @TempDir
    Path root;

    @Test
    void newThenBuildThenCheckIsValid() throws Exception {
        ScaffoldedRepository.empty(root);

        MainTest.Captured created = MainTest.run("new", "string-concat", "--lesson", "cost-of-temporary-objects",
                "--class", "dev.hotpath.concat.ReportBuilder", "--repository", root.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Wrote exercise string-concat (13 files):",
                "Added it to exercises/pom.xml and lessons/03-the-cost-of-temporary-objects.md.",
                "validate --check --exercise exercises/string-concat");
        Path exercise = root.resolve("exercises/string-concat");
        ScaffoldedRepository.build(exercise);

        MainTest.Captured checked = MainTest.run("validate", "--check", "--exercise", exercise.toString());
        assertThat(checked.exitCode()).as(checked.out()).isZero();
        assertThat(checked.out()).startsWith("VALID: wiring of " + exercise);
    }

    @Test
    void newRefusesNamingTheValueWithAUsageExitCode() throws Exception {
        ScaffoldedRepository.empty(root);

        MainTest.Captured run = MainTest.run("new", "string-concat", "--lesson", "no-such-lesson",
                "--class", "dev.hotpath.concat.ReportBuilder", "--repository", root.toString());

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).startsWith("grader new: unknown lesson \"no-such-lesson\"");
        assertThat(root.resolve("exercises/string-concat")).doesNotExist();
    }

    @Test
    void checkPrintsEveryProblemWithItsFileAndLineAndFails() throws Exception {
        Path exercise = ScaffoldedRepository.built(root);
        Path manifest = exercise.resolve("exercise.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("probe.CostProbe", "probe.CostProb"));

        MainTest.Captured run = MainTest.run("validate", "--check", "--exercise", exercise.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(manifest + ":12: metrics[0].counter: no class dev.hotpath.concat.probe.CostProb")
                .contains("INVALID (1 problem)");
    }
}
