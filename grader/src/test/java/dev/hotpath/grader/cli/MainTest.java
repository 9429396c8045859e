package dev.hotpath.grader.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes and messages of the command line, which the Maven grade profile relies on. */
class MainTest {

    private static final String EXERCISE = "../exercises/cache-key-explosion";

    @Test
    void aCompileErrorIsAFailWithExitCode1AndAJsonReport(@TempDir Path submission) throws Exception {
        Path file = submission.resolve("src/main/java/dev/hotpath/cachekey/PageCache.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package dev.hotpath.cachekey; public class PageCache { int x = ; }");

        Captured run = run("grade", "--exercise", EXERCISE, "--submission", submission.toString(), "--json");

        assertThat(run.exitCode).as(run.out + run.err).isEqualTo(Main.FAIL);
        assertThat(run.out).contains("\"verdict\" : \"FAIL\"", "\"line\" : 1", "illegal start of expression");
    }

    @Test
    void aSubmissionWithoutTheEditableFileIsAUsageError(@TempDir Path submission) {
        Captured run = run("grade", "--exercise", EXERCISE, "--submission", submission.toString());

        assertThat(run.exitCode).isEqualTo(Main.USAGE);
        assertThat(run.err).contains("has no src/main/java/dev/hotpath/cachekey/PageCache.java");
    }

    @Test
    void aMissingExerciseNamesTheFile(@TempDir Path nowhere) {
        Captured run = run("grade", "--exercise", nowhere.resolve("no-such-exercise").toString());

        assertThat(run.exitCode).isEqualTo(Main.USAGE);
        assertThat(run.err).contains("no-such-exercise/exercise.yaml: cannot be read");
    }

    @Test
    void anUnknownOptionPrintsUsage() {
        Captured run = run("grade", "--exercise", EXERCISE, "--colour");

        assertThat(run.exitCode).isEqualTo(Main.USAGE);
        assertThat(run.err).contains("Unknown option: '--colour'", "Usage: grader grade");
    }

    record Captured(int exitCode, String out, String err) {
    }

    static Captured run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exitCode = Main.run(args);
            return new Captured(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
