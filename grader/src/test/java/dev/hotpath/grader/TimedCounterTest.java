package dev.hotpath.grader;

import dev.hotpath.grader.authoring.ScaffoldedRepository;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.Sandbox;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timed counter ({@code timing: true}) is measured in pairs through the real pipeline, so one unlucky
 * run cannot decide the verdict. The scaffolded exercise gets a probe whose first run in a JVM is slow
 * whenever the code under it is fast, like a busy moment landing on the submission only: measured once
 * per side, as a deterministic counter is, that run alone would fail the reference solution.
 */
class TimedCounterTest {

    private static final String PROBE = """
            package dev.hotpath.concat.probe;

            import dev.hotpath.concat.ReportBuilder;
            import java.util.concurrent.atomic.AtomicInteger;
            import java.util.function.LongSupplier;

            public final class UnluckyFirstRunProbe implements LongSupplier {

                private static final AtomicInteger RUNS = new AtomicInteger();

                @Override
                public long getAsLong() {
                    long allocated = new CostProbe().getAsLong();
                    return RUNS.getAndIncrement() == 0 && allocated < 8 ? 1_000_000 : allocated + 1;
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void oneUnluckyRunDoesNotDecideATimedCounter() throws Exception {
        Path exercise = ScaffoldedRepository.built(root);
        Files.writeString(exercise.resolve("src/main/java/dev/hotpath/concat/probe/UnluckyFirstRunProbe.java"), PROBE);
        Path manifest = exercise.resolve("exercise.yaml");
        String yaml = Files.readString(manifest);
        // The scaffold's benchmark list is empty (JMH's processor does not run here): counters only.
        String metrics = yaml.substring(yaml.indexOf("metrics:"), yaml.indexOf("hints:"));
        Files.writeString(manifest, yaml.replace(metrics, """
                metrics:
                  - name: waited
                    description: A timing whose first run in a JVM may be unlucky
                    counter: dev.hotpath.concat.probe.UnluckyFirstRunProbe
                    timing: true
                    unit: ns/call
                    direction: lower
                    threshold: 0.5
                """));
        ScaffoldedRepository.build(exercise);

        GradeReport report;
        // The grader's own directory must not be in @TempDir: sandboxed children run as other users.
        try (Grader grader = new Grader(Path.of(System.getProperty("java.io.tmpdir")), Sandbox.Mode.IF_AVAILABLE)) {
            Exercise loaded = Exercise.load(exercise);
            report = grader.grade(loaded, Submission.fromDirectory(loaded, exercise.resolve("solution")),
                    ProgressListener.NONE);
        }

        assertThat(report.performance()).as(ReportJson.write(report)).singleElement().satisfies(waited -> {
            assertThat(waited.submissionSamples()).hasSize(12).startsWith(1_000_000.0);
            assertThat(waited.starterSamples()).hasSize(12);
            assertThat(waited.outcome()).isEqualTo(MetricResult.Outcome.CLEARED);
            assertThat(waited.ratioHigh()).isLessThan(0.5);
        });
    }
}
