package dev.hotpath.grader.exercise;

import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.yaml.YamlException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestReaderTest {

    private static final String VALID = """
            id: demo
            title: Demo
            lesson: some-lesson
            summary: A demo exercise.
            editable:
              - src/main/java/demo/Slow.java
            metrics:
              - name: calls
                description: Calls made
                counter: demo.CallsProbe
                unit: calls
                direction: lower
                threshold: 0.5
              - name: throughput
                description: Operations per second
                benchmark: demo.SlowBenchmark.run
                unit: ops/s
                direction: higher
                threshold: 2
            hints:
              - text: Think.
              - tests: [SlowTest#fast]
                text: Think harder.
            """;

    @TempDir
    Path root;
    Path exercise;

    @BeforeEach
    void createExercise() throws IOException {
        exercise = root.resolve("demo");
        Files.createDirectories(exercise.resolve("src/main/java/demo"));
        Files.writeString(exercise.resolve("src/main/java/demo/Slow.java"), "package demo; public class Slow {}");
    }

    @Test
    void readsEveryField() throws Exception {
        ExerciseManifest manifest = ManifestReader.read(exercise, "exercise.yaml", VALID);

        assertThat(manifest.id()).isEqualTo("demo");
        assertThat(manifest.editable()).containsExactly("src/main/java/demo/Slow.java");
        assertThat(manifest.limits()).isEqualTo(Limits.DEFAULT);
        assertThat(manifest.measurement()).isEqualTo(Measurement.DEFAULT);
        assertThat(manifest.metrics()).containsExactly(
                new Metric("calls", "Calls made", Metric.Kind.COUNTER, "demo.CallsProbe", "calls", Direction.LOWER, 0.5, Optional.empty()),
                new Metric("throughput", "Operations per second", Metric.Kind.BENCHMARK, "demo.SlowBenchmark.run", "ops/s",
                        Direction.HIGHER, 2, Optional.empty()));
        assertThat(manifest.hints()).containsExactly(new Hint(java.util.List.of(), "Think."),
                new Hint(java.util.List.of("SlowTest#fast"), "Think harder."));
        assertThat(manifest.allow()).isEmpty();
    }

    @Test
    void aCounterMarkedATimingIsMeasuredInPairs() throws Exception {
        String yaml = VALID.replace("counter: demo.CallsProbe\n", "counter: demo.CallsProbe\n    timing: true\n");

        assertThat(ManifestReader.read(exercise, "exercise.yaml", yaml).metrics().get(0).kind())
                .isEqualTo(Metric.Kind.TIMED_COUNTER);
        assertThat(ManifestReader.read(exercise, "exercise.yaml", yaml.replace("timing: true", "timing: false"))
                .metrics().get(0).kind()).isEqualTo(Metric.Kind.COUNTER);
    }

    @Test
    void readsMeasurementSettings() throws Exception {
        String yaml = VALID.replace("editable:", "measurement:\n  warmup-slices: 10\n  slice-ms: 50\n  pairs: 16\n"
                + "  max-rounds: 2\n  clock: cpu\neditable:");

        assertThat(ManifestReader.read(exercise, "exercise.yaml", yaml).measurement())
                .isEqualTo(new Measurement(10, 50, 16, 2, Measurement.Clock.CPU));
    }

    @Test
    void readsThePolicyAllowList() throws Exception {
        String yaml = VALID + "policy:\n  allow:\n    - java.util.concurrent.locks\n    - java.lang.Thread#getName\n";

        assertThat(ManifestReader.read(exercise, "exercise.yaml", yaml).allow())
                .containsExactly("java.util.concurrent.locks", "java.lang.Thread#getName");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key           | 'title: Demo'                 | 'title: Demo\\ncolour: red'        | 'exercise.yaml:3: colour: unknown key (allowed here: editable, hints, id, lesson, limits, measurement, metrics, policy, summary, title)'
            missing field         | 'lesson: some-lesson\\n'      | ''                                 | 'exercise.yaml:1: lesson: is missing'
            id not the directory  | 'id: demo'                    | 'id: other'                        | 'exercise.yaml:1: id: must match the exercise''s directory name "demo", got "other"'
            bad direction         | 'direction: lower'            | 'direction: down'                  | 'exercise.yaml:12: metrics[0].direction: expected one of [lower, higher], got "down"'
            threshold demands no shift | 'threshold: 0.5'         | 'threshold: 1.5'                   | 'exercise.yaml:13: metrics[0].threshold: for direction ''lower'' the ratio bound must be between 0 and 1 (0.5 means half the starter''s value), got 1.5'
            threshold not a number | 'threshold: 2'               | 'threshold: twice'                 | 'exercise.yaml:19: metrics[1].threshold: expected a number, got "twice"'
            editable file missing | 'src/main/java/demo/Slow.java' | 'src/main/java/demo/Gone.java'   | 'exercise.yaml:6: editable: "src/main/java/demo/Gone.java" does not exist in '
            counter and benchmark | 'counter: demo.CallsProbe'    | 'counter: demo.CallsProbe\\n    benchmark: demo.B.run' | 'metrics[0].counter: a metric needs exactly one of ''counter'' (a LongSupplier class) or ''benchmark'' (a JMH benchmark method)'
            timing not a flag     | 'counter: demo.CallsProbe'    | 'counter: demo.CallsProbe\n    timing: often' | 'exercise.yaml:11: metrics[0].timing: expected one of [true, false], got "often"'
            timed benchmark       | 'benchmark: demo.SlowBenchmark.run' | 'benchmark: demo.SlowBenchmark.run\n    timing: true' | 'exercise.yaml:17: metrics[1].timing: only a counter metric can be marked a timing: a benchmark is always measured in pairs'
            limit out of range    | 'editable:'                   | 'limits:\\n  test-seconds: 0\\neditable:' | 'exercise.yaml:6: limits.test-seconds: must be between 1 and 300, got 0'
            bad clock             | 'editable:'                   | 'measurement:\n  clock: sundial\neditable:' | 'exercise.yaml:6: measurement.clock: must be wall or cpu, got sundial'
            too few pairs         | 'editable:'                   | 'measurement:\n  pairs: 5\neditable:' | 'exercise.yaml:6: measurement.pairs: must be between 8 and 100, got 5'
            old measurement keys  | 'editable:'                   | 'measurement:\n  forks: 2\neditable:' | 'exercise.yaml:6: measurement.forks: unknown key (allowed here: clock, max-rounds, pairs, slice-ms, warmup-slices)'
            not yaml              | 'title: Demo'                 | 'title: [Demo'                     | 'not valid YAML'
            bad allow entry       | 'hints:'                      | 'policy:\n  allow: [java.util.concurrent.locks, "a b"]\nhints:' | 'exercise.yaml:21: policy.allow: "a b" is not a package, class or Class#member (e.g. java.util.concurrent.locks or java.lang.Thread#getName)'
            """)
    void rejectsWithFileLineFieldAndReason(String problem, String find, String replacement, String message) {
        String yaml = VALID.replace(find.replace("\\n", "\n"), replacement.replace("\\n", "\n"));

        assertThatThrownBy(() -> ManifestReader.read(exercise, "exercise.yaml", yaml))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining(message);
    }
}
