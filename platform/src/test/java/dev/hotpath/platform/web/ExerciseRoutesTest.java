package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import dev.hotpath.platform.grading.GradingLimits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercise page, submitting from it (and every refusal), and the history with its diffs. */
class ExerciseRoutesTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform(new GradingLimits(3, 3, 1));

    private static final String PAGE = "/exercises/" + TestPlatform.EXERCISE;
    private static final String FIELD = "file:" + TestPlatform.EDITABLE;

    @BeforeAll
    static void start() throws Exception {
        // Three submissions a minute per learner and three queued at most, so that the tests can reach both limits.
    }

    @Test
    void signedOutVisitorsAreSentToLogInAndBack() {
        HttpResponse<String> response = platform.client().get(PAGE + "?from=starter");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Fexercises%2Fcache-key-explosion%3Ffrom%3Dstarter");
        assertThat(platform.client().postWithoutToken(PAGE + "/submissions", Map.of(FIELD, "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void thePageHasTheStatementTheStarterInAnEditorAndTheVisibleTests() {
        Document page = platform.client().signUp("page@example.org", "Page").page(PAGE);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Cache key explosion");
        assertThat(page.select(".statement article.prose h2").eachText()).contains("What to change", "How the origin reads a URL");
        assertThat(page.select(".statement article.prose h1")).as("the page's own title replaces the README's").isEmpty();
        assertThat(page.select(".statement a[href=/lessons/remove-repeated-work]")).isNotEmpty();
        assertThat(page.select("textarea.code-editor").attr("name")).isEqualTo(FIELD);
        assertThat(page.select("textarea.code-editor").first().wholeText()).isEqualTo(TestPlatform.starter());
        assertThat(page.select(".editor-source").text()).isEqualTo("Loaded from the starter.");
        assertThat(page.select(".test-source summary").eachText())
                .containsExactly("src/test/java/dev/hotpath/cachekey/PageCacheTest.java");
        assertThat(page.select(".test-source code.language-java").text()).contains("class PageCacheTest");
        assertThat(page.select("#reset-link").attr("href")).isEqualTo(PAGE + "?from=starter");
        assertThat(page.select("script[src=/assets/codemirror.js]")).hasSize(1);
        assertThat(page.select("script[src=/assets/exercise.js]")).hasSize(1);
        assertThat(platform.client().signUp("page2@example.org", "P").get("/exercises/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void submittingStoresAndRedirectsAtOnceThenThePageLoadsTheLastSubmission() {
        WebClient learner = platform.client().signUp("submit@example.org", "Sub");
        platform.grader().hold();
        String code = "// my version\r\nclass PageCache {}\r\n";

        long id = learner.submit(code);

        Document result = learner.page("/submissions/" + id);
        assertThat(result.select("#progress").attr("data-done")).as("graded in the background, not in the request")
                .isEqualTo("false");
        assertThat(result.select("#progress li.current")).hasSize(1);
        assertThat(result.select("section.verdict")).isEmpty();
        Document page = learner.page(PAGE);
        assertThat(page.select("textarea.code-editor").first().wholeText()).as("CRLF from the browser stored as LF")
                .isEqualTo("// my version\nclass PageCache {}\n");
        assertThat(page.select(".editor-source").text()).isEqualTo("Loaded from your submission #" + id + ".");
        assertThat(page.select(".submission-list a").eachAttr("href")).containsExactly("/submissions/" + id);
        assertThat(learner.page(PAGE + "?from=starter").select("textarea.code-editor").first().wholeText())
                .isEqualTo(TestPlatform.starter());
        platform.grader().release();
        assertThat(learner.awaitVerdict(id, Duration.ofSeconds(10)).get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void oneSubmissionInFlightPerLearnerAndTheEditsSurviveTheRefusal() {
        WebClient learner = platform.client().signUp("inflight@example.org", "In");
        platform.grader().hold();
        long first = learner.submit("// first");

        HttpResponse<String> second = learner.post(PAGE + "/submissions", Map.of(FIELD, "// second <b>edit</b>"));

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("10");
        Document page = Jsoup.parse(second.body());
        assertThat(page.select("[role=alert]").text())
                .isEqualTo("Your previous submission is still being graded. Wait for its verdict, then submit again.");
        assertThat(page.select("textarea.code-editor").first().wholeText()).isEqualTo("// second <b>edit</b>");
        assertThat(page.select("textarea.code-editor").first().html()).contains("&lt;b&gt;");
        platform.grader().release();
        learner.awaitVerdict(first, Duration.ofSeconds(10));
    }

    @Test
    void aLearnerMaySubmitOnlySoOftenAMinute() {
        WebClient learner = platform.client().signUp("often@example.org", "Often");
        for (int i = 0; i < 3; i++) {
            learner.awaitVerdict(learner.submit("// try " + i), Duration.ofSeconds(10));
        }
        HttpResponse<String> fourth = learner.post(PAGE + "/submissions", Map.of(FIELD, "// try 4"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(WebClient.alert(fourth)).isEqualTo(
                "You submitted 3 times in the last minute, the most allowed. Wait a minute, then submit again.");
    }

    @Test
    void theQueueHasACap() {
        platform.grader().hold();
        WebClient[] learners = new WebClient[4];
        for (int i = 0; i < learners.length; i++) {
            learners[i] = platform.client().signUp("queue" + i + "@example.org", "Q" + i);
        }
        // One worker: the first is being graded, the next three wait in the queue, and the queue is full.
        long running = learners[0].submit("// q0");
        awaitRunning(learners[0], running);
        for (int i = 1; i < 4; i++) {
            learners[i].submit("// q" + i);
        }
        WebClient late = platform.client().signUp("late@example.org", "Late");
        HttpResponse<String> refused = late.post(PAGE + "/submissions", Map.of(FIELD, "// late"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(WebClient.alert(refused)).isEqualTo(
                "The grading queue is full: 3 submissions are waiting. Try again in a few minutes.");
        platform.grader().release();
    }

    @Test
    void submissionsThatCannotBeGradedAreRefusedWithTheReason() {
        WebClient learner = platform.client().signUp("invalid@example.org", "Inv");
        HttpResponse<String> wrongFile = learner.post(PAGE + "/submissions",
                Map.of(FIELD, "// ok", "file:src/main/java/Evil.java", "class Evil {}"));
        assertThat(wrongFile.statusCode()).isEqualTo(400);
        assertThat(WebClient.alert(wrongFile)).isEqualTo("This submission cannot be graded: src/main/java/Evil.java is not"
                + " an editable file of exercise cache-key-explosion (editable: " + TestPlatform.EDITABLE + ").");

        HttpResponse<String> missing = learner.post(PAGE + "/submissions", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(WebClient.alert(missing)).isEqualTo("This submission cannot be graded: the submission has no "
                + TestPlatform.EDITABLE + ".");

        HttpResponse<String> tooLarge = learner.post(PAGE + "/submissions", Map.of(FIELD, "x".repeat(300 * 1024)));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(WebClient.alert(tooLarge)).endsWith("is larger than 256 KiB.");

        assertThat(learner.postWithoutToken(PAGE + "/submissions", Map.of(FIELD, "// no token")).statusCode()).isEqualTo(403);
        assertThat(learner.post("/exercises/nope/submissions", Map.of(FIELD, "x")).statusCode()).isEqualTo(404);
        assertThat(WebClient.json(learner.get("/api/session")).get("signedIn").asBoolean()).isTrue();
        assertThat(learner.page(PAGE).select(".submission-list li")).as("nothing was stored").isEmpty();
    }

    @Test
    void theHistoryDiffsEachSubmissionAgainstTheOneBefore() {
        WebClient learner = platform.client().signUp("history@example.org", "Hist");
        String starter = TestPlatform.starter();
        String firstCode = "// version 1\n" + starter;
        long first = learner.submit(firstCode);
        learner.awaitVerdict(first, Duration.ofSeconds(10));
        long second = learner.submit(firstCode + "// v2\n");
        learner.awaitVerdict(second, Duration.ofSeconds(10));

        Document history = learner.page(PAGE + "/history");

        assertThat(history.select(".history-entry h2 a").eachText()).containsExactly("#" + second, "#" + first);
        assertThat(history.select("#submission-" + second + " .diff-heading").text()).contains("+1 −0 since #" + first);
        assertThat(history.select("#submission-" + second + " .diff-added").eachText()).containsExactly("+// v2");
        assertThat(history.select("#submission-" + first + " .diff-heading").text()).contains("+1 −0 since the starter");
        assertThat(history.select("#submission-" + first + " .diff-added").eachText()).containsExactly("+// version 1");
        assertThat(history.select(".badge-pass")).hasSize(2);
    }

    private static void awaitRunning(WebClient learner, long submission) {
        for (int i = 0; i < 100 && WebClient.json(learner.get("/api/submissions/" + submission)).get("state").asText()
                .equals("QUEUED"); i++) {
            WebClient.sleep(50);
        }
    }
}
