package dev.hotpath.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as an operator runs it: killed with SIGKILL while it grades, started again on the
 * same data directory, it grades the interrupted submission once more and records one verdict.
 */
class PlatformRestartIT {

    private static final Path JAR = Path.of(System.getProperty("platform.jar", "target/platform.jar"));
    private static final Pattern URL = Pattern.compile("Hotpath is running at (http://localhost:\\d+)/");

    @TempDir
    Path data;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aSubmissionInterruptedByKillMinus9IsGradedOnceMoreAfterRestart() throws Exception {
        String first = start();
        WebClient learner = new WebClient(first).signUp("restart@example.org", "Restart");
        long id = learner.submit(TestPlatform.solution());
        awaitRunning(learner, id);

        Process killed = processes.get(0);
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tidy up
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);

        WebClient again = new WebClient(start()).logIn("restart@example.org");
        JsonNode status = again.awaitVerdict(id, Duration.ofMinutes(3));

        // What this test is about: one verdict, graded again after the kill. Which verdict the measurement gives
        // is the measurement's business (a busy machine may leave it inconclusive); the tests must have passed.
        assertThat(status.get("verdict").asText()).isIn("PASS", "INCONCLUSIVE");
        assertThat(again.page("/submissions/" + id).select("#progress li[data-step=tests]").hasClass("done")).isTrue();
        assertThat(status.get("attempts").asInt()).as("claimed once before the kill, once after").isEqualTo(2);
        assertThat(again.page("/submissions/" + id).select("#progress li[data-step=queued] .step-message").text())
                .isEqualTo("graded again after the platform restarted");
        assertThat(again.page("/exercises/" + TestPlatform.EXERCISE + "/history").select(".history-entry")).hasSize(1);
    }

    /** Starts {@code java -jar platform.jar} on a free port and the test's data directory; returns its URL. */
    private String start() throws IOException, InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--port", "0", "--data", data.toString(),
                "--course", TestPlatform.COURSE.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(process);
        return ProcessOutput.awaitLine(process, URL).get(60, TimeUnit.SECONDS);
    }

    private static void awaitRunning(WebClient learner, long id) {
        for (int i = 0; i < 600; i++) {
            JsonNode status = WebClient.json(learner.get("/api/submissions/" + id));
            if (status.get("state").asText().equals("RUNNING") && "tests".equals(status.get("stage").asText())) {
                return;
            }
            assertThat(status.get("state").asText()).as("still being graded").isNotEqualTo("DONE");
            WebClient.sleep(50);
        }
        throw new AssertionError("submission " + id + " never reached the tests stage");
    }
}
