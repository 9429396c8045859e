package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.ScriptedGrader.Outcome;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result page and its event stream: progress while grading, then tests, performance (table and
 * chart), hint, compile errors and output, all escaped; and nobody but the author and instructors
 * sees a submission, on any route.
 */
class SubmissionRoutesTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    @Test
    void aPassingResultShowsEveryStageTheTestsThePerformanceTableAndTheChart() {
        WebClient learner = platform.client().signUp("pass@example.org", "Pass");
        long id = learner.submit("// passes");
        learner.awaitVerdict(id, Duration.ofSeconds(10));

        Document page = learner.page("/submissions/" + id);

        assertThat(page.select("#progress").attr("data-done")).isEqualTo("true");
        assertThat(page.select("#progress li").eachAttr("data-step"))
                .containsExactly("queued", "compile", "policy", "tests", "performance", "verdict");
        assertThat(page.select("#progress li.done")).hasSize(6);
        assertThat(page.select("section.verdict-pass h2").text()).isEqualTo("PASS");
        assertThat(page.select("section.verdict-pass .verdict-summary").text())
                .isEqualTo("All tests pass and every metric cleared its threshold.");
        assertThat(page.select("table.tests")).as("passing tests are not a table").isEmpty();
        assertThat(page.select("details.passed-tests summary").text()).isEqualTo("2 tests passed");
        assertThat(page.select("details.passed-tests li.test-passed")).hasSize(2);
        assertThat(page.select("details.passed-tests .badge-hidden")).hasSize(1);
        assertThat(page.select("tr.metric-note")).as("every metric cleared").isEmpty();
        assertThat(page.select("table.performance tbody tr").eachText()).containsExactly(
                "origin-calls Origin renders 30,000 calls 4,000 calls 0.133× ≤ 0.4× passed",
                "throughput Requests per second 1,000 requests/s 7,000 requests/s 7× [6.2–7.9] ≥ 2.4× passed");
        assertThat(page.select("svg.performance-chart rect.bar-passed")).hasSize(2);
        assertThat(page.select("svg.performance-chart .chart-value").eachText()).containsExactly("1×", "7.5×", "1×", "7.0×");
        assertThat(page.select("svg.performance-chart .chart-threshold-label").eachText())
                .containsExactly("needs 2.5×", "needs 2.4×");
        // Only the timing metric has an interval: one whisker (a bar and two caps), none for the exact counter.
        assertThat(page.select("svg.performance-chart g.chart-interval")).hasSize(1);
        assertThat(page.select("svg.performance-chart g.chart-interval line")).hasSize(3);
        assertThat(page.select(".hint")).isEmpty();
    }

    @Test
    void testMessagesOutputAndCompileErrorsAreShownEscaped() {
        WebClient learner = platform.client().signUp("xss@example.org", "<script>alert('name')</script>");
        long failing = learner.submit(ScriptedGrader.marker(Outcome.FAIL_TESTS));
        learner.awaitVerdict(failing, Duration.ofSeconds(10));

        HttpResponse<String> response = learner.get("/submissions/" + failing);
        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
        Document page = org.jsoup.Jsoup.parse(response.body());
        assertThat(page.select("main script, main img")).isEmpty();
        assertThat(page.select("tr.test-failed .test-message").text()).isEqualTo(ScriptedGrader.HOSTILE);
        assertThat(page.select("pre.output").text()).isEqualTo("printed " + ScriptedGrader.HOSTILE);
        assertThat(page.select("section.verdict .hint").text()).isEqualTo("Hint: Read the origin's URL rules again.");
        assertThat(page.select("#progress li[data-step=tests]").attr("class")).isEqualTo("failed");
        assertThat(page.select("#progress li[data-step=performance]").attr("class")).isEqualTo("skipped");
        assertThat(page.select(".site-user").text()).isEqualTo("<script>alert('name')</script>");

        long broken = learner.submit(ScriptedGrader.marker(Outcome.FAIL_COMPILE));
        learner.awaitVerdict(broken, Duration.ofSeconds(10));
        HttpResponse<String> compile = learner.get("/submissions/" + broken);
        assertThat(compile.body()).doesNotContain("<script>alert");
        assertThat(org.jsoup.Jsoup.parse(compile.body()).select(".compile-errors code").text())
                .isEqualTo(TestPlatform.EDITABLE + ":3:5: ';' expected near " + ScriptedGrader.HOSTILE);
    }

    @Test
    void aMetricThatFellShortSaysWhyUnderItsRowEscaped() {
        WebClient learner = platform.client().signUp("short@example.org", "Short");
        long id = learner.submit(ScriptedGrader.marker(Outcome.FAIL_PERFORMANCE));
        learner.awaitVerdict(id, Duration.ofSeconds(10));

        Document page = learner.page("/submissions/" + id);

        // The diagnostic's text is the exercise's, about the learner's code: shown as text, never as markup.
        assertThat(page.select("table.performance .metric-diagnostic").eachText()).containsExactly(
                "Why: your cache made 19,804 different keys for 3,837 different pages " + ScriptedGrader.HOSTILE);
        assertThat(page.select("table.performance script, table.performance img")).isEmpty();
        // It sits in the note under the metric that fell short, not in a row of its own.
        assertThat(page.select("table.performance tr.metric-note .metric-diagnostic")).hasSize(1);
    }

    @Test
    void aLearnerCannotReachAnotherLearnersSubmissionOnAnyRoute() {
        WebClient author = platform.client().signUp("author@example.org", "Author");
        long id = author.submit("// mine");
        author.awaitVerdict(id, Duration.ofSeconds(10));
        WebClient other = platform.client().signUp("other@example.org", "Other");

        for (String path : List.of("/submissions/" + id, "/api/submissions/" + id, "/api/submissions/" + id + "/report",
                "/submissions/" + id + "/profile")) {
            HttpResponse<String> response = other.get(path, "Accept", "text/event-stream");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("There is no submission " + id + " of yours.").doesNotContain("// mine");
        }
        assertThat(other.get("/submissions/" + id + "/events", "Accept", "text/event-stream").statusCode()).isEqualTo(404);
        assertThat(other.get("/exercises/" + TestPlatform.EXERCISE + "/history").body()).doesNotContain("#" + id + "<");
        assertThat(platform.client().get("/api/submissions/" + id).statusCode()).as("signed out").isEqualTo(401);
        assertThat(other.get("/submissions/not-a-number").statusCode()).isEqualTo(404);

        WebClient teacher = platform.client().signUp(TestPlatform.INSTRUCTOR, "Teacher");
        Document asInstructor = teacher.page("/submissions/" + id);
        assertThat(asInstructor.select(".submission-meta").text()).contains("by Author (author@example.org)");
        assertThat(teacher.get("/api/submissions/" + id + "/report").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/submissions/" + id + "/profile").statusCode()).as("instructors see profiles").isEqualTo(200);
    }

    @Test
    void profilesAreServedToTheirAuthorAsJsonAndOnlyForMeasuredSubmissions() {
        WebClient author = platform.client().signUp("profiled@example.org", "Profiled");
        long id = author.submit("// profiled");
        author.awaitVerdict(id, Duration.ofSeconds(10));
        String path = "/submissions/" + id + "/profile";

        HttpResponse<String> own = author.get(path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(own.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(WebClient.json(own).at("/starter/graphs/0/frames").toString()).contains("dev.hotpath.cachekey.origin.Origin.render");
        assertThat(author.page("/submissions/" + id).select("#profiles").attr("data-profile-url")).isEqualTo(path);

        HttpResponse<String> stranger = platform.client().signUp("nosy@example.org", "Nosy").get(path);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("There is no submission " + id + " of yours.").doesNotContain("Origin.render");
        HttpResponse<String> signedOut = platform.client().get(path);
        assertThat(signedOut.statusCode()).as("signed out: to the login page").isEqualTo(303);
        assertThat(signedOut.body()).doesNotContain("Origin.render");

        long failed = author.submit(ScriptedGrader.marker(ScriptedGrader.Outcome.FAIL_TESTS));
        author.awaitVerdict(failed, Duration.ofSeconds(10));
        assertThat(author.get("/submissions/" + failed + "/profile").statusCode()).isEqualTo(404);
        assertThat(author.page("/submissions/" + failed).select("section.profiles")).as("not measured, not profiled").isEmpty();
    }

    @Test
    void theEventStreamSendsEveryStepThenTheVerdictAndEnds() throws Exception {
        WebClient learner = platform.client().signUp("events@example.org", "Events");
        platform.grader().hold();
        long id = learner.submit("// watched");
        HttpRequest request = HttpRequest.newBuilder(URI.create(learner.url("/submissions/" + id + "/events")))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<List<String>> events = new CompletableFuture<>();
        HttpResponse<Stream<String>> stream = learner.httpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            List<String> data = new ArrayList<>();
            stream.body().filter(line -> line.startsWith("data: ")).forEach(line -> data.add(line.substring(6)));
            events.complete(data);
        });
        reader.start();

        WebClient.sleep(200);
        platform.grader().release();
        List<String> received = events.get(10, TimeUnit.SECONDS);

        assertThat(received).isNotEmpty();
        assertThat(received.get(0)).containsAnyOf("\"state\":\"QUEUED\"", "\"state\":\"RUNNING\"");
        assertThat(received).anySatisfy(event -> assertThat(event).contains("{\"name\":\"tests\",\"label\":\"Tests\",\"state\":\"current\",\"message\":\"1 of 2 tests done\"}"));
        assertThat(received.get(received.size() - 1)).contains("\"done\":true", "\"verdict\":\"PASS\"",
                "{\"name\":\"performance\",\"label\":\"Performance (benchmark)\",\"state\":\"done\",\"message\":\"measured\"}");
    }

    @Test
    void theEventStreamOfAGradedSubmissionSendsTheVerdictOnceAndEnds() throws IOException, InterruptedException {
        WebClient learner = platform.client().signUp("late-events@example.org", "Late");
        long id = learner.submit("// done before watching");
        learner.awaitVerdict(id, Duration.ofSeconds(10));

        HttpResponse<String> events = learner.get("/submissions/" + id + "/events", "Accept", "text/event-stream");

        assertThat(events.body().lines().filter(line -> line.startsWith("event: progress"))).hasSize(1);
        assertThat(events.body()).contains("\"done\":true");
        HttpResponse<String> plain = learner.get("/submissions/" + id + "/events");
        assertThat(plain.statusCode()).isEqualTo(406);
        assertThat(WebClient.alert(plain)).startsWith("This address is an event stream");
    }
}
