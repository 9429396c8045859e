package dev.hotpath.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API of docs/api.md: submit, status, report, with the session and CSRF rules of the pages. */
class ApiRoutesTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    private static final String SUBMIT = "/api/exercises/" + TestPlatform.EXERCISE + "/submissions";

    @Test
    void submitAnswers202AtOnceThenStatusAndReportFollowTheGrading() throws Exception {
        WebClient client = platform.client().signUp("api@example.org", "Api");
        platform.grader().hold();

        HttpResponse<String> submitted = client.postJson(SUBMIT, Map.of("files", Map.of(TestPlatform.EDITABLE, "// via api")));

        assertThat(submitted.statusCode()).isEqualTo(202);
        JsonNode status = WebClient.json(submitted);
        long id = status.get("id").asLong();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/submissions/" + id);
        assertThat(status.get("exercise").asText()).isEqualTo(TestPlatform.EXERCISE);
        assertThat(status.get("state").asText()).isIn("QUEUED", "RUNNING");
        assertThat(status.get("verdict").isNull()).isTrue();
        assertThat(status.get("links").get("report").asText()).isEqualTo("/api/submissions/" + id + "/report");
        assertThat(status.get("links").get("page").asText()).isEqualTo("/submissions/" + id);

        HttpResponse<String> early = client.get("/api/submissions/" + id + "/report");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(early).get("error").asText()).startsWith("Submission " + id + " is not graded yet");

        platform.grader().release();
        JsonNode done = client.awaitVerdict(id, Duration.ofSeconds(10));
        assertThat(done.get("verdict").asText()).isEqualTo("PASS");
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("finishedAt").asText()).isNotEmpty();

        HttpResponse<String> report = client.get("/api/submissions/" + id + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        GradeReport parsed = ReportJson.read(report.body());
        assertThat(parsed.schema()).isEqualTo("hotpath-report/2");
        assertThat(parsed.exercise()).isEqualTo(TestPlatform.EXERCISE);
        assertThat(parsed.performance()).hasSize(2);
    }

    @Test
    void theApiNeedsASessionAndTheCsrfHeader() {
        HttpResponse<String> signedOut = platform.client().postJson(SUBMIT, Map.of("files", Map.of()), "token");
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(WebClient.json(signedOut).get("error").asText()).isEqualTo("Log in first: this needs a signed-in account.");

        WebClient client = platform.client().signUp("csrf@example.org", "Csrf");
        HttpResponse<String> noHeader = client.postJson(SUBMIT, Map.of("files", Map.of(TestPlatform.EDITABLE, "x")), null);
        assertThat(noHeader.statusCode()).isEqualTo(403);
        HttpResponse<String> otherToken = client.postJson(SUBMIT, Map.of("files", Map.of(TestPlatform.EDITABLE, "x")),
                platform.client().signUp("csrf2@example.org", "C2").csrfToken());
        assertThat(otherToken.statusCode()).as("another session's token").isEqualTo(403);
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        WebClient client = platform.client().signUp("bad@example.org", "Bad");
        assertError(client.postJson(SUBMIT, "{not json"), 400, "The request body is not valid JSON: ");
        assertError(client.postJson(SUBMIT, "[]"), 400, "The request body must be a JSON object.");
        assertError(client.postJson(SUBMIT, Map.of("code", "x")), 400,
                "The body needs \"files\": an object from each editable file's path to its content.");
        assertError(client.postJson(SUBMIT, Map.of("files", Map.of(TestPlatform.EDITABLE, 42))), 400,
                "files." + TestPlatform.EDITABLE + " must be the file's content as a string.");
        assertError(client.postJson(SUBMIT, Map.of("files", Map.of("Other.java", "x"))), 400,
                "This submission cannot be graded: Other.java is not an editable file");
        assertError(client.postJson("/api/exercises/nope/submissions", Map.of("files", Map.of())), 404,
                "There is no exercise \"nope\".");
        assertError(client.postJson("/api/session", "email=a"), 400, "The request body is not valid JSON");

        HttpResponse<String> form = client.postWithoutToken(SUBMIT, Map.of("_csrf", client.csrfToken()));
        assertError(form, 415, "Send the request body as JSON, with Content-Type: application/json.");
        assertError(client.get("/api/submissions/999999"), 404, "There is no submission 999999 of yours.");
    }

    @Test
    void rateLimitsAnswer429WithRetryAfter() {
        WebClient client = platform.client().signUp("limit@example.org", "Limit");
        platform.grader().hold();
        assertThat(client.postJson(SUBMIT, Map.of("files", Map.of(TestPlatform.EDITABLE, "// one"))).statusCode()).isEqualTo(202);

        HttpResponse<String> second = client.postJson(SUBMIT, Map.of("files", Map.of(TestPlatform.EDITABLE, "// two")));

        assertError(second, 429, "Your previous submission is still being graded.");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("10");
    }

    private static void assertError(HttpResponse<String> response, int status, String messageStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(WebClient.json(response).get("error").asText()).startsWith(messageStart);
    }
}
