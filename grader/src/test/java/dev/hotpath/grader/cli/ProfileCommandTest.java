package dev.hotpath.grader.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hotpath.grader.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code profile} and {@code grade --profile}: flame graphs a learner opens locally. */
class ProfileCommandTest {

    private static final String EXERCISE = "../exercises/cache-key-explosion";

    @Test
    void profileWritesOneSelfContainedPageWhereTheStartersOriginRenderShows(@TempDir Path out) throws Exception {
        MainTest.Captured run = run("profile", "--exercise", EXERCISE, "--submission", EXERCISE + "/starter",
                "--output", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.PASS);
        Path page = out.resolve("cache-key-explosion-profile.html");
        assertThat(run.err()).contains("Flame graphs (yours beside the starter's): " + page.toAbsolutePath());
        String html = Files.readString(page);
        assertThat(html).contains("<script type=\"application/json\" id=\"hotpath-profile-data\">",
                "dev.hotpath.cachekey.origin.Origin.render", "\"view\":\"ALLOCATION\"", "\"view\":\"WAITING\"");
        assertThat(html).as("nothing loaded from elsewhere").doesNotContain("src=", "href=");
        assertThat(run.out()).contains("CPU (samples): starter", "Allocation (bytes)", "Waiting (µs)");
    }

    @Test
    void codeThatDoesNotCompileIsNotProfiledAndTheCompilerSaysWhy(@TempDir Path submission) throws Exception {
        brokenPageCache(submission);

        MainTest.Captured run = run("profile", "--exercise", EXERCISE, "--submission", submission.toString(),
                "--output", submission.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(Main.FAIL);
        assertThat(run.err()).contains("cannot profile cache-key-explosion: your code does not compile",
                "illegal start of expression");
        assertThat(submission.resolve("out")).doesNotExist();
    }

    @Test
    void gradeWithProfileSaysWhyThereIsNoProfileWhenTheCodeNeverReachedThePerformanceStage(@TempDir Path submission)
            throws Exception {
        brokenPageCache(submission);

        MainTest.Captured run = run("grade", "--exercise", EXERCISE, "--submission", submission.toString(),
                "--profile", submission.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(Main.FAIL);
        assertThat(run.err()).contains("no profile: profiles are recorded only for code that reaches the performance stage");
    }

    private static void brokenPageCache(Path submission) throws Exception {
        Path file = submission.resolve("src/main/java/dev/hotpath/cachekey/PageCache.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package dev.hotpath.cachekey; public class PageCache { int x = ; }");
    }
}
