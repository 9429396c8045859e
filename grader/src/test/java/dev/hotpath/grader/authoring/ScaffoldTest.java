package dev.hotpath.grader.authoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code grader new}, in a temp copy of exercises/pom.xml and lessons/ (never in the repository). */
class ScaffoldTest {

    @TempDir
    Path root;

    @Test
    void writesACompleteExerciseThatPassesTheCheckOnceBuilt() throws Exception {
        Path exercise = ScaffoldedRepository.built(root);

        assertThat(ExerciseCheck.run(exercise)).isEmpty();
        assertThat(Files.readString(root.resolve("exercises/pom.xml")))
                .contains("    <module>product-api</module>\n    <module>string-concat</module>\n");
        assertThat(Files.readString(root.resolve("lessons/03-the-cost-of-temporary-objects.md")))
                .contains("\nexercises: [serializer-churn, string-concat]\n");
        assertThat(Files.readString(exercise.resolve(ScaffoldedRepository.SOURCE)))
                .isEqualTo(Files.readString(exercise.resolve("starter").resolve(ScaffoldedRepository.SOURCE)));
        try (Stream<Path> files = Files.walk(exercise.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("{{");
            }
        }
    }

    @Test
    void reportsWhatItWrote() throws Exception {
        Scaffold.Written written = Scaffold.create(ScaffoldedRepository.empty(root), "string-concat",
                "cost-of-temporary-objects", "dev.hotpath.concat.ReportBuilder");

        assertThat(written.files()).hasSize(13).contains("exercises/string-concat/exercise.yaml",
                "exercises/string-concat/src/hidden/java/dev/hotpath/concat/ReportBuilderContractTest.java",
                "exercises/string-concat/traps/sum-in-an-int.yaml");
        assertThat(written.edited()).containsExactly("exercises/pom.xml", "lessons/03-the-cost-of-temporary-objects.md");
    }

    @Test
    void addsTheExerciseToALessonWhoseListIsEmptyOrOneLinePerExercise() throws Exception {
        ScaffoldedRepository.empty(root);
        Path lesson = root.resolve("lessons/00-the-optimization-loop.md");
        assertThat(Files.readString(lesson)).contains("\nexercises: []\n");
        Scaffold.create(root, "first-one", "the-optimization-loop", "dev.hotpath.one.First");
        assertThat(Files.readString(lesson)).contains("\nexercises: [first-one]\n");

        Files.writeString(lesson, Files.readString(lesson).replace("exercises: [first-one]\n",
                "exercises:\n  - first-one\n"));
        Scaffold.create(root, "second-one", "the-optimization-loop", "dev.hotpath.two.Second");
        assertThat(Files.readString(lesson)).contains("\nexercises:\n  - first-one\n  - second-one\nestimated-minutes:");
    }

    @Test
    void refusesABadId() throws IOException {
        ScaffoldedRepository.empty(root);

        assertThatThrownBy(() -> Scaffold.create(root, "String_Concat", "cost-of-temporary-objects", "a.B"))
                .isInstanceOf(Scaffold.RefusedException.class)
                .hasMessage("exercise id \"String_Concat\" must be lower-case words joined by dashes, e.g. string-concat");
        assertThat(root.resolve("exercises/String_Concat")).doesNotExist();
    }

    @Test
    void refusesAnExistingExercise() throws Exception {
        ScaffoldedRepository.empty(root);
        Files.createDirectories(root.resolve("exercises/hot-lock"));
        String pom = Files.readString(root.resolve("exercises/pom.xml"));

        assertThatThrownBy(() -> Scaffold.create(root, "hot-lock", "when-threads-wait", "a.B"))
                .isInstanceOf(Scaffold.RefusedException.class)
                .hasMessageStartingWith("exercise \"hot-lock\" exists already: ");
        assertThatThrownBy(() -> Scaffold.create(root, "cache-key-explosion", "remove-repeated-work", "a.B"))
                .isInstanceOf(Scaffold.RefusedException.class)
                .hasMessageEndingWith("lists <module>cache-key-explosion</module>");
        assertThat(Files.readString(root.resolve("exercises/pom.xml"))).isEqualTo(pom);
    }

    @Test
    void refusesAnUnknownLessonNamingTheNearest() throws IOException {
        ScaffoldedRepository.empty(root);

        assertThatThrownBy(() -> Scaffold.create(root, "string-concat", "cost-of-temporary-object", "a.B"))
                .isInstanceOf(Scaffold.RefusedException.class)
                .hasMessageStartingWith("unknown lesson \"cost-of-temporary-object\" (did you mean cost-of-temporary-objects?);"
                        + " the lessons are: ");
        assertThat(root.resolve("exercises/string-concat")).doesNotExist();
    }

    @Test
    void refusesABadClassName() throws IOException {
        ScaffoldedRepository.empty(root);

        for (String name : new String[] {"ReportBuilder", "dev.hotpath.class.ReportBuilder", "dev.hotpath.1Report",
                "dev.hotpath..Report"}) {
            assertThatThrownBy(() -> Scaffold.create(root, "string-concat", "cost-of-temporary-objects", name))
                    .isInstanceOf(Scaffold.RefusedException.class)
                    .hasMessage("class name \"" + name + "\" is not a fully qualified Java class name with a package,"
                            + " e.g. dev.hotpath.concat.ReportBuilder");
        }
        assertThatThrownBy(() -> Scaffold.create(root, "string-concat", "cost-of-temporary-objects", "dev.hotpath.report"))
                .isInstanceOf(Scaffold.RefusedException.class)
                .hasMessageContaining("the class's own name \"report\" must start with a capital letter");
        assertThat(root.resolve("exercises/string-concat")).doesNotExist();
    }

    @Test
    void refusesADirectoryThatIsNotTheRepository() {
        assertThatThrownBy(() -> Scaffold.create(root, "string-concat", "cost-of-temporary-objects", "a.B"))
                .isInstanceOf(Scaffold.RefusedException.class)
                .hasMessageContaining("is not a Hotpath repository: it has no exercises/pom.xml");
    }
}
