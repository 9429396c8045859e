package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.submission.Submission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy against each exercise as it is: its reference solution passes (the harness rule and the
 * allow-list leave it everything it uses), and the harness it derives holds the tests, workloads,
 * probes and benchmarks but none of the classes the starter works with.
 */
class PolicyStageTest {

    @ParameterizedTest
    @ValueSource(strings = {"cache-key-explosion", "hot-lock", "serializer-churn"})
    void theReferenceSolutionUsesOnlyWhatGradedCodeMay(String id, @TempDir Path dir) throws Exception {
        Exercise exercise = Exercise.load(Path.of("../exercises", id));
        PreparedExercise prepared = PreparedExercise.prepare(exercise, dir.resolve("prepared"));
        try {
            Path classes = dir.resolve("solution");
            List<CompileError> errors = Javac.compile(Submission.fromDirectory(exercise, exercise.solutionDir()).files(),
                    List.of(prepared.classes().support()), classes);
            assertThat(errors).isEmpty();

            PolicyStage.Result result = PolicyStage.run(prepared, classes);

            assertThat(result.violations()).isEmpty();
            Set<String> harness = HarnessClasses.of(prepared);
            Set<String> starterUses = new java.util.HashSet<>();
            for (Path file : RequiredApi.classFiles(prepared.starterClasses())) {
                starterUses.addAll(HarnessClasses.references(java.nio.file.Files.readAllBytes(file)));
            }
            assertThat(harness).anyMatch(type -> type.contains("/probe/")).anyMatch(type -> type.contains("/workload/"))
                    .anyMatch(type -> type.endsWith("Benchmark")).anyMatch(type -> type.endsWith("Test"))
                    .doesNotContainAnyElementsOf(starterUses);
        } finally {
            prepared.delete();
        }
    }
}
