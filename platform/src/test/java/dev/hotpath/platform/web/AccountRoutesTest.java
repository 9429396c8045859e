package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import dev.hotpath.platform.grading.GradingLimits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /signup, /login, /logout and /api/session: sessions, cookies, CSRF, and every refusal's message. */
class AccountRoutesTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    @Test
    void signingUpSendsTheNewAccountToLogInWhichOpensAHostOnlySecureSessionAndGoesWhereTheVisitorWasHeading() {
        WebClient visitor = platform.client();
        assertThat(visitor.page("/signup").select("form input[name=_csrf]").attr("value")).isNotBlank();

        HttpResponse<String> signup = visitor.post("/signup?next=/lessons/remove-repeated-work",
                Map.of("email", " Ada@Example.org ", "name", "Ada", "password", "correct horse"));

        assertThat(signup.statusCode()).isEqualTo(303);
        assertThat(signup.headers().firstValue("Location")).hasValue("/login?notice=signed-up&next=%2Flessons%2Fremove-repeated-work");
        assertThat(signup.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("hotpath_session"));
        Document login = visitor.page(signup.headers().firstValue("Location").orElseThrow());
        assertThat(login.select("[role=status]").text()).isEqualTo(
                "Your account is ready if this email was new: log in with the password you chose.");

        HttpResponse<String> response = visitor.post("/login", Map.of("email", "ada@example.org",
                "password", "correct horse", "next", login.select("input[name=next]").attr("value")));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/lessons/remove-repeated-work");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("__Host-hotpath_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=", "Secure").doesNotContain("Domain");
        assertThat(visitor.page("/").select(".site-user").text()).isEqualTo("Ada");
        assertThat(WebClient.json(visitor.get("/api/session")).get("user").get("email").asText()).isEqualTo("ada@example.org");
    }

    @Test
    void signingUpWithATakenEmailAnswersAsForANewOneAndChangesNothing() {
        WebClient owner = platform.client().signUp("taken@example.org", "First");
        WebClient fresh = platform.client();
        WebClient copycat = platform.client();

        HttpResponse<String> forNew = fresh.post("/signup", Map.of("email", "new@example.org", "name", "Second",
                "password", "other horse"));
        HttpResponse<String> forTaken = copycat.post("/signup", Map.of("email", "TAKEN@example.org", "name", "Second",
                "password", "other horse"));

        assertThat(forTaken.statusCode()).isEqualTo(forNew.statusCode()).isEqualTo(303);
        assertThat(forTaken.headers().firstValue("Location")).isEqualTo(forNew.headers().firstValue("Location"));
        assertThat(forTaken.body()).isEqualTo(forNew.body());
        assertThat(cookieNames(forTaken)).isEqualTo(cookieNames(forNew));
        assertThat(copycat.post("/login", Map.of("email", "taken@example.org", "password", "other horse")).statusCode())
                .as("the copycat's password opens nothing").isEqualTo(401);
        assertThat(WebClient.json(owner.get("/api/session")).get("user").get("name").asText()).isEqualTo("First");
        platform.client().logIn("taken@example.org");
    }

    @Test
    void signUpRefusalsSayWhatIsWrongAndKeepWhatWasTyped() {
        assertSignUpRefused("not-an-email", "Bo", "correct horse", 400, "\"not-an-email\" is not an email address.");
        assertSignUpRefused("bo@example.org", "", "correct horse", 400, "Enter the name other people see");
        assertSignUpRefused("bo@example.org", "Bo", "short", 400, "Choose a password of at least 8 characters.");
        assertSignUpRefused("bo@example.org", "Bo", "x".repeat(73), 400, "A password may be at most 72 bytes long");
    }

    @Test
    void logInWithTheRightPasswordOnlyAndOneMessageForEveryFailure() {
        platform.client().signUp("cy@example.org", "Cy");
        WebClient visitor = platform.client();

        HttpResponse<String> unknown = visitor.post("/login", Map.of("email", "nobody@example.org", "password", "correct horse"));
        HttpResponse<String> wrong = visitor.post("/login", Map.of("email", "cy@example.org", "password", "wrong horse!"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        String message = "That email and password do not match an account.";
        assertThat(Jsoup.parse(unknown.body()).select("[role=alert]").text()).isEqualTo(message);
        assertThat(Jsoup.parse(wrong.body()).select("[role=alert]").text()).isEqualTo(message);
        assertThat(Jsoup.parse(wrong.body()).select("input[name=email]").attr("value")).isEqualTo("cy@example.org");

        HttpResponse<String> right = visitor.post("/login?next=/exercises/cache-key-explosion",
                Map.of("email", "CY@example.org", "password", "correct horse"));
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/exercises/cache-key-explosion");
        assertThat(visitor.get("/exercises/cache-key-explosion").statusCode()).isEqualTo(200);
    }

    @Test
    void loggingOutEndsTheSessionForGood() {
        WebClient learner = platform.client().signUp("dee@example.org", "Dee");
        assertThat(learner.get("/exercises/cache-key-explosion").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = learner.post("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("__Host-hotpath_session=;")
                && cookie.contains("Expires=Thu, 01 Jan 1970"));
        assertThat(learner.get("/exercises/cache-key-explosion").statusCode()).isEqualTo(303);
        assertThat(WebClient.json(learner.get("/api/session")).get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void everyStateChangingFormNeedsItsCsrfToken() {
        WebClient visitor = platform.client();
        visitor.get("/signup");
        HttpResponse<String> signup = visitor.postWithoutToken("/signup",
                Map.of("email", "eve@example.org", "name", "Eve", "password", "correct horse"));
        assertThat(signup.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(signup.body()).select("[role=alert]").text()).contains("CSRF");

        HttpResponse<String> forged = visitor.postWithoutToken("/login",
                Map.of("email", "eve@example.org", "password", "correct horse", "_csrf", "guessed"));
        assertThat(forged.statusCode()).isEqualTo(403);

        WebClient learner = platform.client().signUp("fay@example.org", "Fay");
        assertThat(learner.postWithoutToken("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(learner.get("/exercises/cache-key-explosion").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void afterSignInOnlyLocalAddressesAreFollowed() {
        platform.client().signUp("next@example.org", "Next");
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "/\t/evil.example",
                "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example", "/\u0000/evil", "/\u3000/evil",
                "\t//evil.example", "/\u007f/evil.example")) {
            HttpResponse<String> response = platform.client().post("/login?next=" + URLEncoder.encode(next,
                    StandardCharsets.UTF_8), Map.of("email", "next@example.org", "password", "correct horse"));
            assertThat(response.headers().firstValue("Location")).as("%s", next.chars().boxed().toList()).hasValue("/");
        }
        HttpResponse<String> local = platform.client().post("/login?next=" + URLEncoder.encode("/exercises/x?from=starter",
                StandardCharsets.UTF_8), Map.of("email", "next@example.org", "password", "correct horse"));
        assertThat(local.headers().firstValue("Location")).hasValue("/exercises/x?from=starter");
    }

    @Test
    void theApiLogsInWithJsonAndTheTokenItWasGiven() {
        platform.client().signUp("gus@example.org", "Gus");
        WebClient client = platform.client();
        assertThat(WebClient.json(client.get("/api/session")).get("signedIn").asBoolean()).isFalse();

        HttpResponse<String> withoutToken = client.postJson("/api/session",
                Map.of("email", "gus@example.org", "password", "correct horse"), null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(withoutToken).get("error").asText()).contains("CSRF");

        HttpResponse<String> wrong = client.postJson("/api/session", Map.of("email", "gus@example.org", "password", "nope nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(WebClient.json(wrong).get("error").asText()).isEqualTo("That email and password do not match an account.");

        HttpResponse<String> right = client.postJson("/api/session", Map.of("email", "gus@example.org", "password", "correct horse"));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(WebClient.json(right).get("user").get("name").asText()).isEqualTo("Gus");
        assertThat(WebClient.json(right).get("csrfToken").asText()).isEqualTo(client.csrfToken());
    }

    @Test
    void theConfiguredInstructorEmailSignsUpAsInstructor() {
        WebClient teacher = platform.client().signUp(TestPlatform.INSTRUCTOR, "Teacher");
        assertThat(WebClient.json(teacher.get("/api/session")).get("user").get("role").asText()).isEqualTo("INSTRUCTOR");
        assertThat(teacher.page("/").select(".site-nav a[href=/instructor]")).hasSize(1);
        WebClient learner = platform.client().signUp("hal@example.org", "Hal");
        assertThat(learner.page("/").select(".site-nav a[href=/instructor]")).isEmpty();
    }

    @Test
    void anExistingAccountNamedAsInstructorIsPromotedAtStart(@TempDir Path otherData) throws Exception {
        try (TestPlatform first = TestPlatform.scripted(otherData, new ScriptedGrader(), GradingLimits.DEFAULT)) {
            first.client().signUp("later@example.org", "Later");
        }
        try (TestPlatform second = TestPlatform.scripted(otherData, new ScriptedGrader(), GradingLimits.DEFAULT,
                "Later@Example.org")) {
            WebClient later = second.client().logIn("later@example.org");
            assertThat(WebClient.json(later.get("/api/session")).get("user").get("role").asText()).isEqualTo("INSTRUCTOR");
            assertThat(later.get("/instructor").statusCode()).isEqualTo(200);
        }
    }

    private static List<String> cookieNames(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.substring(0, cookie.indexOf('='))).toList();
    }

    private static void assertSignUpRefused(String email, String name, String password, int status, String message) {
        WebClient visitor = platform.client();
        HttpResponse<String> response = visitor.post("/signup", Map.of("email", email, "name", name, "password", password));
        assertThat(response.statusCode()).as(message).isEqualTo(status);
        org.jsoup.nodes.Document page = Jsoup.parse(response.body());
        assertThat(page.select("[role=alert]").text()).startsWith(message);
        assertThat(page.select("input[name=email]").attr("value")).isEqualTo(email);
        assertThat(page.select("input[name=password]").attr("value")).as("never echo a password").isEmpty();
        assertThat(WebClient.json(visitor.get("/api/session")).get("signedIn").asBoolean()).isFalse();
    }
}
