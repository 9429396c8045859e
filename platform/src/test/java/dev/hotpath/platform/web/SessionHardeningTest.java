package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red team's session and request attacks (issue 11, items 6 and 9) replayed over HTTP: planted
 * cookies and self-made form tokens, HEAD on every page, caching of personal pages, plain HTTP on a
 * public host, and ending every session of an account. The browser's part of cookie tossing is
 * {@link CookieTossingBrowserTest}.
 */
class SessionHardeningTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    private final List<LogRecord> errorsLogged = new ArrayList<>();
    private final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            errorsLogged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void recordErrors() {
        Logger.getLogger(ErrorResponses.class.getName()).addHandler(errorLog);
    }

    @AfterEach
    void stopRecording() {
        Logger.getLogger(ErrorResponses.class.getName()).removeHandler(errorLog);
    }

    @Test
    void aFormTokenMadeUpByTheVisitorIsRefusedEvenWithAMatchingCookie() {
        platform.client().signUp("pair@example.org", "Pair");
        WebClient attacker = platform.client();

        HttpResponse<String> forged = attacker.postWithoutToken("/login",
                Map.of("email", "pair@example.org", "password", "correct horse", "_csrf", "chosen-by-me"),
                "Cookie", "__Host-hotpath_form=chosen-by-me");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(WebClient.alert(forged)).contains("CSRF");
        assertThat(attacker.post("/login", Map.of("email", "pair@example.org", "password", "correct horse")).statusCode())
                .as("the server's own pair").isEqualTo(303);
    }

    @Test
    void aRequestCarryingTwoSessionCookiesIsRefusedAndTheCookieCleared() {
        WebClient victim = platform.client().signUp("twice@example.org", "Twice");
        WebClient attacker = platform.client().signUp("planter@example.org", "Planter");
        // As a browser sends a planted cookie next to the visitor's own: one header, the more specific path first.
        String both = "__Host-hotpath_session=" + attacker.cookie("__Host-hotpath_session")
                + "; __Host-hotpath_session=" + victim.cookie("__Host-hotpath_session");

        HttpResponse<String> page = platform.client().get("/exercises/" + TestPlatform.EXERCISE, "Cookie", both);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(WebClient.alert(page)).contains("two Hotpath session cookies");
        assertThat(page.body()).doesNotContain("Planter").doesNotContain("Twice");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("__Host-hotpath_session=;"));
        assertThat(platform.client().postWithoutToken("/exercises/" + TestPlatform.EXERCISE + "/submissions",
                Map.of("file:" + TestPlatform.EDITABLE, "// planted", "_csrf", attacker.csrfToken()),
                "Cookie", both).statusCode()).isEqualTo(400);
        assertThat(WebClient.json(attacker.get("/api/session")).get("signedIn").asBoolean()).isTrue();
        assertThat(attacker.page("/exercises/" + TestPlatform.EXERCISE + "/history").select(".history-entry")).isEmpty();
    }

    @Test
    void headIsAnsweredLikeGetWithoutABodyOnEveryPageSignedInOrOut() {
        WebClient teacher = platform.client().signUp(TestPlatform.INSTRUCTOR, "Teacher");
        long id = teacher.submit("// passes");
        teacher.awaitVerdict(id, Duration.ofSeconds(10));
        long teacherId = WebClient.json(teacher.get("/api/session")).get("user").get("id").asLong();
        List<String> paths = List.of("/", "/lessons/remove-repeated-work", "/course-files/img/cache-keys.svg",
                "/assets/course.css", "/signup", "/login", "/account", "/exercises/" + TestPlatform.EXERCISE,
                "/exercises/" + TestPlatform.EXERCISE + "/history", "/submissions/" + id, "/api/session",
                "/api/submissions/" + id, "/api/submissions/" + id + "/report", "/instructor",
                "/instructor/exercises/" + TestPlatform.EXERCISE, "/instructor/learners/" + teacherId,
                "/instructor/export.csv", "/instructor/exercise-status", "/no/such/page");

        for (WebClient visitor : List.of(teacher, platform.client())) {
            for (String path : paths) {
                HttpResponse<String> get = visitor.get(path);
                HttpResponse<String> head = visitor.request("HEAD", path);
                assertThat(head.statusCode()).as("HEAD %s", path).isEqualTo(get.statusCode()).isLessThan(500);
                assertThat(head.body()).as("HEAD %s", path).isEmpty();
                assertThat(head.headers().firstValue("Content-Type")).as("HEAD %s", path)
                        .isEqualTo(get.headers().firstValue("Content-Type"));
            }
        }
        HttpResponse<String> events = teacher.request("HEAD", "/submissions/" + id + "/events");
        assertThat(events.statusCode()).isEqualTo(406);
        assertThat(errorsLogged).as("nothing logged as a failure").isEmpty();
    }

    @Test
    void signedInPagesAndTheApiAreNeverStoredInCaches() {
        WebClient learner = platform.client().signUp("cache@example.org", "Cache");
        long id = learner.submit("// passes");
        learner.awaitVerdict(id, Duration.ofSeconds(10));

        for (String path : List.of("/", "/lessons/remove-repeated-work", "/account", "/exercises/" + TestPlatform.EXERCISE,
                "/exercises/" + TestPlatform.EXERCISE + "/history", "/submissions/" + id, "/api/session",
                "/api/submissions/" + id, "/api/submissions/" + id + "/report")) {
            assertThat(learner.get(path).headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        WebClient visitor = platform.client();
        for (String path : List.of("/login", "/signup", "/api/session")) {
            assertThat(visitor.get(path).headers().firstValue("Cache-Control")).as("signed out: " + path).hasValue("no-store");
        }
        assertThat(visitor.get("/lessons/remove-repeated-work").headers().firstValue("Cache-Control"))
                .as("a public page signed out").isEmpty();
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheAccount() {
        WebClient laptop = platform.client().signUp("everywhere@example.org", "Everywhere");
        WebClient phone = platform.client().logIn("everywhere@example.org");
        WebClient stranger = platform.client().signUp("stranger@example.org", "Stranger");
        assertThat(laptop.page("/account").select(".open-sessions").text()).isEqualTo("2");

        HttpResponse<String> ended = laptop.post("/account/sign-out-everywhere", Map.of());

        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(laptop.page(location).select("[role=status]").text()).contains("signed out everywhere"));
        for (WebClient device : List.of(laptop, phone)) {
            assertThat(WebClient.json(device.get("/api/session")).get("signedIn").asBoolean()).isFalse();
            assertThat(device.get("/exercises/" + TestPlatform.EXERCISE).statusCode()).isEqualTo(303);
        }
        assertThat(WebClient.json(stranger.get("/api/session")).get("signedIn").asBoolean()).as("other accounts").isTrue();
    }

    @Test
    void loggingInCanEndTheAccountsOtherSessions() {
        WebClient old = platform.client().signUp("fresh-start@example.org", "Fresh");
        WebClient kept = platform.client().logIn("fresh-start@example.org");
        WebClient now = platform.client();
        assertThat(now.page("/login").select("input[type=checkbox][name=end_others]")).hasSize(1);

        assertThat(now.post("/login", Map.of("email", "fresh-start@example.org", "password", "correct horse",
                "end_others", "on")).statusCode()).isEqualTo(303);

        assertThat(WebClient.json(now.get("/api/session")).get("signedIn").asBoolean()).isTrue();
        assertThat(WebClient.json(old.get("/api/session")).get("signedIn").asBoolean()).isFalse();
        assertThat(WebClient.json(kept.get("/api/session")).get("signedIn").asBoolean()).isFalse();
        assertThat(now.page("/account").select(".open-sessions").text()).isEqualTo("1");
    }

    @Test
    void plainHttpOnAPublicHostRefusesToSignInAndSaysWhy() throws IOException {
        String answer = rawGet("/login", "hotpath.example");

        assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("Set-Cookie").contains("Signing in needs HTTPS");
        assertThat(rawGet("/lessons/remove-repeated-work", "hotpath.example")).as("reading needs no cookie")
                .startsWith("HTTP/1.1 200");
        assertThat(rawGet("/login", "127.0.0.1")).startsWith("HTTP/1.1 200").contains("__Host-hotpath_form=");
    }

    /** A GET with the Host header of our choosing, which java.net.http does not allow. */
    private static String rawGet(String path, String host) throws IOException {
        URI base = URI.create(platform.url("/"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
