package dev.hotpath.grader;

import dev.hotpath.grader.exercise.Exercise;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the repository, each editable file's working copy in src/main/java is the pristine starter.
 * Only checked in CI: a learner's clone is expected to differ once they start working.
 */
@EnabledIfEnvironmentVariable(named = "CI", matches = "true")
class ExerciseRepositoryTest {

    @TestFactory
    Stream<DynamicTest> workingCopiesMatchTheirStarters() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("../exercises"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("exercise.yaml"))).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                        Exercise exercise = Exercise.load(dir);
                        for (String file : exercise.manifest().editable()) {
                            assertThat(exercise.dir().resolve(file))
                                    .as("%s must equal starter/%s", file, file)
                                    .hasSameTextualContentAs(exercise.starterDir().resolve(file));
                        }
                    }));
        }
    }
}
