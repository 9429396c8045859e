package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compile error comes back while the starter may still compile in the background and the test JVM
 * is still booting; closing the pipeline right then must wait for both and leave nothing behind.
 */
class GradingPipelineCleanupTest {

    private static final String PAGE_CACHE = "src/main/java/dev/hotpath/cachekey/PageCache.java";

    private static final Path EXERCISE = Path.of("../exercises/cache-key-explosion");

    @Test
    void closingRightAfterACompileErrorLeavesNoFiles(@TempDir Path parent) throws Exception {
        Exercise exercise = Exercise.load(EXERCISE);
        Submission broken = Submission.of(exercise, Map.of(PAGE_CACHE,
                "package dev.hotpath.cachekey; public class PageCache { int x = ; }"));

        GradeReport report;
        try (GradingPipeline pipeline = new GradingPipeline(parent, Sandbox.Mode.OFF)) {
            report = pipeline.grade(exercise, broken, ProgressListener.NONE, 1, false).report();
        }

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void deletingAPreparationWaitsForTheStarterToCompile(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("prepared");
        PreparedExercise prepared = PreparedExercise.prepare(Exercise.load(EXERCISE), dir);

        prepared.delete();

        assertThat(dir).doesNotExist();
        assertThat(prepared.starterClasses()).as("the starter had finished compiling").doesNotExist();
    }
}
