package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The course map, lesson pages, course files and assets, signed out and signed in. */
class CourseRoutesTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    @Test
    void theCourseMapListsTheLessonsForAnyone() {
        Document map = platform.client().page("/");
        assertThat(map.select(".lesson-card a").eachAttr("href")).containsExactly(
                "/lessons/the-optimization-loop", "/lessons/remove-repeated-work",
                "/lessons/when-threads-wait", "/lessons/cost-of-temporary-objects", "/lessons/find-it-yourself");
        assertThat(map.select(".progress-tick")).as("no progress when signed out").isEmpty();
        assertThat(map.select(".site-nav a").eachText()).containsExactly("Log in", "Sign up");
    }

    @Test
    void everyResponseForbidsForeignScriptsAndFraming() {
        for (String path : new String[] {"/", "/lessons/remove-repeated-work", "/assets/course.css", "/nothing", "/api/session"}) {
            HttpResponse<String> response = platform.client().get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        assertThat(platform.client().get("/").headers().allValues("Set-Cookie"))
                .as("reading pages sets no cookie; only the login and sign-up forms need one").isEmpty();
    }

    @Test
    void lessonPagesRenderTheMarkdownWithAnchorsTablesHighlightingAndExerciseLinks() {
        Document lesson = platform.client().page("/lessons/remove-repeated-work");
        assertThat(lesson.selectFirst("h1").text()).isEqualTo("Remove repeated work first");
        assertThat(lesson.select("article.prose h2[id]")).isNotEmpty();
        assertThat(lesson.select("article.prose table")).isNotEmpty();
        assertThat(lesson.select("article.prose pre > code.language-java")).isNotEmpty();
        assertThat(lesson.select("script[src=/assets/highlight.min.js]")).hasSize(1);
        assertThat(lesson.select("#exercise-cache-key-explosion a.button-link").attr("href"))
                .isEqualTo("/exercises/cache-key-explosion");
        assertThat(lesson.select(".pager-next").attr("href")).isEqualTo("/lessons/when-threads-wait");

        HttpResponse<String> missing = platform.client().get("/lessons/no-such-lesson");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(WebClient.alert(missing)).isEqualTo("There is no lesson \"no-such-lesson\".");
    }

    @Test
    void progressTicksShowWhatTheLearnerPassedAndAttempted() {
        WebClient learner = platform.client().signUp("ticks@example.org", "Ticks");
        assertThat(learner.page("/").select(".progress-tick").eachText()).containsOnly("not started");

        long failing = learner.submit(ScriptedGrader.marker(ScriptedGrader.Outcome.FAIL_TESTS));
        learner.awaitVerdict(failing, Duration.ofSeconds(10));
        assertThat(learner.page("/").select(".progress-tick.attempted").eachText()).containsExactly("… attempted");

        long passing = learner.submit("// passes");
        learner.awaitVerdict(passing, Duration.ofSeconds(10));
        assertThat(learner.page("/").select(".progress-tick.passed").eachText()).containsExactly("✓ passed");
        assertThat(learner.page("/lessons/remove-repeated-work").select("#exercise-cache-key-explosion .progress-tick").text())
                .isEqualTo("✓ passed");
    }

    @Test
    void courseFilesAreServedAndNothingElseOfTheDisk() {
        HttpResponse<String> image = platform.client().get("/course-files/img/cache-keys.svg");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));

        assertThat(platform.client().get("/course-files/01-remove-repeated-work.md").statusCode()).isEqualTo(404);
        assertThat(platform.client().get("/course-files/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(platform.client().get("/course-files/img/%2e%2e/%2e%2e/pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void assetsCarryAnEtagAndRevalidateWithoutABody() {
        HttpResponse<String> codemirror = platform.client().get("/assets/codemirror.js");
        assertThat(codemirror.statusCode()).isEqualTo(200);
        assertThat(codemirror.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        String etag = codemirror.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = platform.client().get("/assets/codemirror.js", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        for (String asset : new String[] {"course.css", "platform.css", "exercise.js", "submission.js", "codemirror.css",
                "codemirror-clike.js", "highlight.min.js", "quiz.js"}) {
            assertThat(platform.client().get("/assets/" + asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(platform.client().get("/assets/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownAddressesAnswer404InTheSiteOrInJson() {
        HttpResponse<String> page = platform.client().get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(WebClient.alert(page)).isEqualTo("There is no page at /no/such/page.");

        HttpResponse<String> api = platform.client().get("/api/nothing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(WebClient.json(api).get("error").asText()).isEqualTo("There is no page at /api/nothing.");
    }

    @Test
    void javalinsOwnRefusalsAndTheHandlersAreSaidInSentences() {
        HttpResponse<String> wrongMethod = platform.client().request("DELETE", "/api/session");
        assertThat(wrongMethod.statusCode()).as("Javalin answers a wrong method as no such route").isEqualTo(404);
        assertThat(WebClient.json(wrongMethod).get("error").asText()).isEqualTo("There is no page at /api/session.");

        HttpResponse<String> noSubmission = platform.client().signUp("nosy@example.org", "Nosy").get("/api/submissions/999");
        assertThat(noSubmission.statusCode()).isEqualTo(404);
        assertThat(noSubmission.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(WebClient.json(noSubmission).get("error").asText()).isEqualTo("There is no submission 999 of yours.");
    }
}
