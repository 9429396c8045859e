package dev.hotpath.grader.authoring;

import dev.hotpath.grader.TestFiles;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each wiring problem an author can make, made on purpose in a scaffolded, built exercise (in a temp
 * copy), and the message the check gives for it, with its file and line.
 */
class ExerciseCheckTest {

    @TempDir
    static Path built;

    @TempDir
    Path root;

    private Path exercise;
    private String prefix;

    @BeforeAll
    static void scaffoldAndBuild() throws Exception {
        ScaffoldedRepository.built(built);
    }

    @BeforeEach
    void copy() throws IOException {
        TestFiles.copyTree(built, root);
        exercise = root.resolve("exercises").resolve(ScaffoldedRepository.ID);
        prefix = exercise.toString() + "/";
    }

    @Test
    void theScaffoldedExerciseIsWiredCorrectly() {
        assertThat(ExerciseCheck.run(exercise)).isEmpty();
    }

    @Test
    void aMisspelledCounterClassIsNamedWithTheNearestClass() throws IOException {
        edit("exercise.yaml", "probe.CostProbe", "probe.CostProb");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:12: metrics[0].counter: no class"
                + " dev.hotpath.concat.probe.CostProb in src/main/java (did you mean dev.hotpath.concat.probe.CostProbe?)");
    }

    @Test
    void aCounterMustImplementLongSupplier() throws IOException {
        edit("exercise.yaml", "probe.CostProbe", "workload.Inputs");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:12: metrics[0].counter:"
                + " dev.hotpath.concat.workload.Inputs does not implement java.util.function.LongSupplier");
    }

    @Test
    void aCounterNeedsAPublicNoArgumentConstructor() throws IOException {
        Path probe = exercise.resolve("src/main/java/dev/hotpath/concat/probe/SizedProbe.java");
        Files.writeString(probe, "package dev.hotpath.concat.probe;\npublic final class SizedProbe implements"
                + " java.util.function.LongSupplier {\n  public SizedProbe(int size) { }\n"
                + "  public long getAsLong() { return 1; }\n}\n");
        ScaffoldedRepository.build(exercise);
        edit("exercise.yaml", "probe.CostProbe", "probe.SizedProbe");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:12: metrics[0].counter:"
                + " dev.hotpath.concat.probe.SizedProbe has no public no-argument constructor: the grader creates it with one");
    }

    @Test
    void aMisspelledBenchmarkMethodListsTheBenchmarks() throws IOException {
        edit("exercise.yaml", "ReportBuilderBenchmark.apply", "ReportBuilderBenchmark.aply");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:18: metrics[1].benchmark:"
                + " dev.hotpath.concat.ReportBuilderBenchmark has no @Benchmark method aply (did you mean apply?)"
                + " (its benchmark methods: apply)");
    }

    @Test
    void aMissingBenchmarkClass() throws IOException {
        edit("exercise.yaml", "ReportBuilderBenchmark.apply", "ReportBenchmark.apply");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:18: metrics[1].benchmark: no class"
                + " dev.hotpath.concat.ReportBenchmark in src/jmh/java (did you mean dev.hotpath.concat.ReportBuilderBenchmark?)");
    }

    @Test
    void theModuleLineMustBeInTheExercisesPom() throws IOException {
        Path pom = root.resolve("exercises/pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("    <module>string-concat</module>\n", ""));

        assertThat(messages()).containsExactly(pom + ":" + lineOf(pom, "<modules>") + ": has no"
                + " <module>string-concat</module>: add it inside <modules>, or Maven never builds the exercise");
    }

    @Test
    void theLessonMustListTheExercise() throws IOException {
        Path lesson = root.resolve("lessons/03-the-cost-of-temporary-objects.md");
        Files.writeString(lesson, Files.readString(lesson).replace(", string-concat]", "]"));

        assertThat(messages()).containsExactly(lesson + ":5: exercises: lesson \"cost-of-temporary-objects\" does"
                + " not list \"string-concat\" in its front matter: add it, or the platform refuses to start");
    }

    @Test
    void anUnknownLessonIsNamedWithTheNearestLesson() throws IOException {
        edit("exercise.yaml", "lesson: cost-of-temporary-objects", "lesson: cost-of-temporary-object");

        assertThat(messages()).singleElement().asString().startsWith(prefix + "exercise.yaml:3: lesson: there is no"
                + " lesson \"cost-of-temporary-object\" in " + root.resolve("lessons")
                + " (did you mean cost-of-temporary-objects?) (lessons: ");
    }

    @Test
    void everyEditableFileNeedsASolutionCopy() throws IOException {
        Files.delete(exercise.resolve("solution").resolve(ScaffoldedRepository.SOURCE));

        assertThat(messages()).contains(prefix + "exercise.yaml:8: editable: \"" + ScaffoldedRepository.SOURCE
                + "\" has no copy in solution/ (expected " + prefix + "solution/" + ScaffoldedRepository.SOURCE + ")");
    }

    @Test
    void aStaleBuildIsOneMessageNamingTheCommand() throws IOException {
        Files.setLastModifiedTime(exercise.resolve(ScaffoldedRepository.SOURCE.replace("ReportBuilder.java",
                "workload/Inputs.java")), FileTime.from(Instant.now().plusSeconds(60)));
        edit("exercise.yaml", "probe.CostProbe", "probe.CostProb"); // not reported: classes are read once built

        assertThat(messages()).containsExactly(exercise + ": exercise string-concat: src/main/java changed after it"
                + " was last compiled; build it first: mvn -q package -DskipTests -pl exercises/string-concat"
                + " (classes, benchmarks and test names are checked once it is built)");
    }

    @Test
    void supportCodeChangedAfterTheHiddenTestsIsStaleThoughItsOwnClassesAreNot() throws IOException {
        // What `mvn test` leaves after an edit of support code: main recompiled, hidden tests and benchmarks not.
        FileTime edited = FileTime.from(Instant.now().plusSeconds(60));
        Files.setLastModifiedTime(exercise.resolve(ScaffoldedRepository.SOURCE.replace("ReportBuilder.java",
                "workload/Inputs.java")), edited);
        for (String classes : List.of("target/classes", "target/test-classes")) {
            try (Stream<Path> files = Files.walk(exercise.resolve(classes))) {
                for (Path file : files.toList()) {
                    Files.setLastModifiedTime(file, FileTime.from(edited.toInstant().plusSeconds(1)));
                }
            }
        }

        assertThat(messages()).containsExactly(exercise + ": exercise string-concat: src/main/java changed after"
                + " src/hidden/java was last compiled against it; build it first: mvn -q package -DskipTests"
                + " -pl exercises/string-concat (classes, benchmarks and test names are checked once it is built)");
    }

    @Test
    void aMultiLineFindExplainsBlockScalarIndentation() throws IOException {
        Files.writeString(exercise.resolve("traps/sum-in-an-int.yaml"), """
                description: sums in an int
                base: solution
                replace:
                  - find: |-
                      long sum = 0;
                      for (int value : values) {
                    with: 'int sum = 0; for (int value : values) {'
                failing-tests: [ReportBuilderContractTest#edgeCases]
                """);

        assertThat(messages()).containsExactly(prefix + "traps/sum-in-an-int.yaml:4: find: occurs nowhere in the"
                + " solution's " + ScaffoldedRepository.SOURCE + "; the text spans 2 lines, and " + TrapFinds.BLOCK_SCALARS
                + ". The first line matches line 11 of the file, but line 2 of find is \"for (int value : values) {\""
                + " where line 12 of the file is \"        for (int value : values) {\" (the same text, indented"
                + " 0 spaces instead of the file's 8)");
    }

    @Test
    void aSingleLineFindThatOccursNowhereShowsTheNearestLine() throws IOException {
        edit("traps/sum-in-an-int.yaml", "find: 'long sum = 0;'", "find: 'long sum=0;'");

        assertThat(messages()).containsExactly(prefix + "traps/sum-in-an-int.yaml:5: find: occurs nowhere in the"
                + " solution's " + ScaffoldedRepository.SOURCE + "; the nearest line is 11: \"long sum = 0;\"");
    }

    @Test
    void aFindThatOccursTwiceAsksForMoreContext() throws IOException {
        edit("traps/sum-in-an-int.yaml", "find: 'long sum = 0;'", "find: 'sum'");

        assertThat(messages()).containsExactly(prefix + "traps/sum-in-an-int.yaml:5: find: occurs more than once in the"
                + " solution's " + ScaffoldedRepository.SOURCE + " (first on line 5): include more of the surrounding"
                + " text so that it occurs once");
    }

    @Test
    void aTrapNamingAMissingTestSaysNoSuchTest() throws IOException {
        edit("traps/sum-in-an-int.yaml", "ReportBuilderContractTest#edgeCases", "ReportBuilderContractTest#edgeCase");

        assertThat(messages()).containsExactly(prefix + "traps/sum-in-an-int.yaml:7: failing-tests: no such test:"
                + " ReportBuilderContractTest#edgeCase in src/test/java or src/hidden/java"
                + " (did you mean ReportBuilderContractTest#edgeCases?)");
    }

    @Test
    void aHintNamingAMissingTestClassSaysNoSuchTestClass() throws IOException {
        edit("exercise.yaml", "tests: [ReportBuilderContractTest]", "tests: [ReportBuilderContractTests]");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:25: hints[1].tests: no such test class:"
                + " ReportBuilderContractTests in src/test/java or src/hidden/java (did you mean ReportBuilderContractTest?)");
    }

    @Test
    void aManifestThatDoesNotParseStopsTheCheckAtItsLine() throws IOException {
        edit("exercise.yaml", "direction: lower", "direction: down");

        assertThat(messages()).containsExactly(prefix + "exercise.yaml:14: metrics[0].direction: expected one of"
                + " [lower, higher], got \"down\"");
    }

    private List<String> messages() {
        return ExerciseCheck.run(exercise).stream().map(Problem::toString).toList();
    }

    private void edit(String file, String find, String replacement) throws IOException {
        Path path = exercise.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(find);
        Files.writeString(path, text.replace(find, replacement), StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String text) throws IOException {
        return Files.readAllLines(file).indexOf(Files.readAllLines(file).stream()
                .filter(line -> line.contains(text)).findFirst().orElseThrow()) + 1;
    }
}
