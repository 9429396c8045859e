package dev.hotpath.platform.web;

import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform with the real grader in the OS sandbox, on submissions that fail fast: what the
 * grader says reaches the page and the API unchanged (and escaped). The browser test and the
 * restart test grade the reference solution through the performance stage.
 */
class RealGradingTest {

    @TempDir
    static Path data;
    private static TestPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.real(data);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aCompileErrorFailsFastWithTheCompilersMessageOnThePage() {
        WebClient learner = platform.client().signUp("compile@example.org", "Compile");
        String broken = TestPlatform.starter() + "\nclass Broken { int <missing> = ; }\n";

        long id = learner.submit(broken);

        assertThat(learner.awaitVerdict(id, Duration.ofSeconds(60)).get("verdict").asText()).isEqualTo("FAIL");
        Document page = learner.page("/submissions/" + id);
        assertThat(page.select("section.verdict-fail .verdict-summary").text()).startsWith("Your code does not compile");
        assertThat(page.select(".compile-errors code").eachText()).isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith(TestPlatform.EDITABLE + ":"));
        assertThat(learner.get("/submissions/" + id).body()).as("javac's own angle brackets, escaped")
                .doesNotContain("<identifier>").contains("&lt;identifier&gt; expected");
        assertThat(page.select("#progress li[data-step=compile]").attr("class")).isEqualTo("failed");
        assertThat(WebClient.json(learner.get("/api/submissions/" + id + "/report")).get("sandboxed").asBoolean())
                .as("graded in the OS sandbox").isTrue();
    }
}
