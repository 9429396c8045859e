package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.ScriptedGrader.Outcome;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The instructors' pages: numbers per exercise, drill-downs, CSV export, exercise status; closed to learners. */
class InstructorRoutesTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    private static WebClient teacher;
    private static WebClient ann;
    private static WebClient bob;

    @BeforeAll
    static void start() throws Exception {
        teacher = platform.client().signUp(TestPlatform.INSTRUCTOR, "Teacher");
        // Ann passes on her second try; Bob fails twice; Cy fails to compile once, then passes.
        ann = platform.client().signUp("ann@example.org", "=HYPERLINK(\"http://evil.example\")");
        grade(ann, Outcome.FAIL_TESTS);
        grade(ann, Outcome.PASS);
        bob = platform.client().signUp("bob@example.org", "Bob");
        grade(bob, Outcome.FAIL_TESTS);
        grade(bob, Outcome.FAIL_PERFORMANCE);
        WebClient cy = platform.client().signUp("cy@example.org", "Cy");
        grade(cy, Outcome.FAIL_COMPILE);
        grade(cy, Outcome.PASS);
    }

    @Test
    void learnersAreKeptOutOfEveryInstructorRoute() {
        for (String path : List.of("/instructor", "/instructor/exercises/cache-key-explosion", "/instructor/learners/1",
                "/instructor/export.csv", "/instructor/exercise-status")) {
            HttpResponse<String> response = bob.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(WebClient.alert(response)).isEqualTo("This page is for instructors.");
            assertThat(platform.client().get(path).statusCode()).as("signed out: " + path).isEqualTo(303);
        }
        assertThat(bob.post("/instructor/exercise-status/cache-key-explosion/validate", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void theDashboardCountsLearnersSubmissionsPassRateAttemptsAndCommonFailures() {
        Element row = teacher.page("/instructor").selectFirst("tr[data-exercise=cache-key-explosion]");

        assertThat(row.select(".learners").text()).isEqualTo("3");
        assertThat(row.select(".submissions").text()).isEqualTo("6");
        assertThat(row.select(".pass-rate").text()).isEqualTo("67%");
        assertThat(row.select(".median-attempts").text()).isEqualTo("2");
        assertThat(row.select(".failing-tests li").eachText())
                .containsExactly("Cache keys › currency changes the page: 2× (2 learners)");
        Element untried = teacher.page("/instructor").selectFirst("tr[data-exercise=hot-lock]");
        assertThat(untried.select(".learners").text()).isEqualTo("0");
        assertThat(untried.select(".pass-rate").text()).isEqualTo("—");
    }

    @Test
    void instructorsDrillIntoAnExerciseALearnerAndAnySubmission() {
        Document exercise = teacher.page("/instructor/exercises/cache-key-explosion");
        assertThat(exercise.select("tbody tr")).hasSize(3);
        String bobsPage = exercise.select("a:contains(Bob)").attr("href");
        assertThat(bobsPage).startsWith("/instructor/learners/");

        Document learner = teacher.page(bobsPage);
        assertThat(learner.selectFirst("h1").text()).isEqualTo("Bob");
        assertThat(learner.select("tbody tr .badge").eachText()).containsExactly("FAIL", "FAIL");
        String submission = learner.select("tbody tr a").first().attr("href");
        assertThat(teacher.page(submission).select("section.verdict h2").text()).isEqualTo("FAIL");

        assertThat(teacher.get("/instructor/learners/999999").statusCode()).isEqualTo(404);
        assertThat(teacher.get("/instructor/exercises/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void theCsvExportHasEverySubmissionAndDefusesFormulas() {
        HttpResponse<String> csv = teacher.get("/instructor/export.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"hotpath-submissions.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"submission\",\"email\",\"name\",\"exercise\",\"state\",\"verdict\",\"attempts\","
                + "\"submitted_at\",\"finished_at\",\"summary\"");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(2)).startsWith("\"2\",\"ann@example.org\",\"'=HYPERLINK(\"\"http://evil.example\"\")\","
                        + "\"cache-key-explosion\",\"DONE\",\"PASS\",\"1\",")
                .endsWith(",\"All tests pass and every metric cleared its threshold.\"");
    }

    @Test
    void exerciseStatusShowsEachExercisesBuildAndValidationAndValidatesOnRequest() {
        Document before = teacher.page("/instructor/exercise-status");
        Element cacheKey = before.getElementById("status-cache-key-explosion");
        assertThat(cacheKey.text()).contains("Not validated on this machine yet.");
        assertThat(cacheKey.select(".notice-error")).as("cache-key-explosion is built").isEmpty();

        HttpResponse<String> validate = teacher.post("/instructor/exercise-status/cache-key-explosion/validate", Map.of());
        assertThat(validate.statusCode()).isEqualTo(303);
        assertThat(validate.headers().firstValue("Location")).hasValue("/instructor/exercise-status");

        Element after = awaitValidated();
        assertThat(after.select(".badge").text()).isEqualTo("validated");
        assertThat(after.select("table.checks tbody tr").eachText()).containsExactly(
                "starter passes every test yes 21 of 21 tests passed",
                "solution passes (correct and fast) yes origin-calls: starter 3.1e+04, submission 4017 calls, ratio 0.131");
        assertThat(after.select("button").text()).isEqualTo("Validate again");
        assertThat(teacher.postWithoutToken("/instructor/exercise-status/cache-key-explosion/validate", Map.of())
                .statusCode()).isEqualTo(403);
        assertThat(teacher.post("/instructor/exercise-status/nope/validate", Map.of()).statusCode()).isEqualTo(404);
    }

    private static Element awaitValidated() {
        for (int i = 0; i < 100; i++) {
            Element status = teacher.page("/instructor/exercise-status").getElementById("status-cache-key-explosion");
            if (!status.select("table.checks").isEmpty()) {
                return status;
            }
            WebClient.sleep(50);
        }
        throw new AssertionError("the validation never finished");
    }

    private static void grade(WebClient learner, Outcome outcome) {
        learner.awaitVerdict(learner.submit(ScriptedGrader.marker(outcome)), Duration.ofSeconds(10));
    }
}
