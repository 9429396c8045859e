package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.WebClient;
import dev.hotpath.platform.grading.GradingLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 8 and the sign-up limit of item 5, replayed over HTTP: password guessing against one
 * account and from one address, a sign-up flood from one address, and client addresses taken from
 * X-Forwarded-For only when the proxy is trusted. Each client here names its own address through the
 * trusted proxy (127.0.0.1), so the tests do not share counters.
 */
class ThrottlingRoutesTest {

    private static final String WRONG = "wrong horse!";
    /** The defaults' shape with fewer free attempts per address, so that a test needs fewer bcrypt checks. */
    private static final Throttle.Rules RULES = new Throttle.Rules(Throttle.Rules.DEFAULT.loginPerAccount(),
            new Throttle.Rule("login-address", 8, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            new Throttle.Rule("signup-address", 5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1)));

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform(GradingLimits.DEFAULT,
            TrustedProxies.parse(List.of("127.0.0.1", "::1")), RULES);

    /** The same without --trusted-proxy: X-Forwarded-For is anyone's to write. */
    @RegisterExtension
    static final ScriptedPlatform untrusting = new ScriptedPlatform(GradingLimits.DEFAULT, TrustedProxies.NONE, RULES);

    @Test
    void guessingOnePasswordStopsAfterFiveAndTheRightOneWaitsToo() {
        platform.client("198.51.100.1").signUp("target@example.org", "Target");
        WebClient guesser = platform.client("203.0.113.1");
        for (int i = 1; i <= 5; i++) {
            assertThat(logIn(guesser, "target@example.org", WRONG).statusCode()).as("guess %d", i).isEqualTo(401);
        }

        HttpResponse<String> right = logIn(guesser, "target@example.org", "correct horse");
        assertThat(right.statusCode()).as("the right password, while throttled").isEqualTo(429);
        assertThat(WebClient.alert(right)).isEqualTo("Too many failed logins for this account or from your network address."
                + " Wait a moment and try again.");
        assertThat(retryAfter(right)).isBetween(1L, 30L);
        assertThat(logIn(platform.client("192.0.2.77"), "target@example.org", "correct horse").statusCode())
                .as("the account is throttled from every address").isEqualTo(429);
        assertThat(WebClient.json(guesser.get("/api/session")).get("signedIn").asBoolean()).isFalse();
        // The doubling of the wait, and its end, are ThrottleTest's (with a clock of its own).
    }

    @Test
    void throttlingAnswersAlikeForAnEmailWithoutAnAccount() {
        platform.client("198.51.100.2").signUp("exists@example.org", "Exists");
        List<HttpResponse<String>> existing = new ArrayList<>();
        List<HttpResponse<String>> missing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            existing.add(logIn(platform.client("203.0.113.2"), "exists@example.org", WRONG));
            missing.add(logIn(platform.client("203.0.113.12"), "missing@example.org", WRONG));
        }
        assertThat(missing.stream().map(HttpResponse::statusCode).toList())
                .isEqualTo(existing.stream().map(HttpResponse::statusCode).toList())
                .containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(WebClient.alert(missing.get(5))).isEqualTo(WebClient.alert(existing.get(5)));
        assertThat(List.of(retryAfter(missing.get(5)), retryAfter(existing.get(5)))).allMatch(wait -> wait >= 1 && wait <= 30);
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledButOthersAreNot() {
        platform.client("198.51.100.3").signUp("victim@example.org", "Victim");
        WebClient sprayer = platform.client("203.0.113.3");
        for (int i = 0; i < 8; i++) {
            assertThat(logIn(sprayer, "user" + i + "@example.org", WRONG).statusCode()).as("spray %d", i).isEqualTo(401);
        }

        HttpResponse<String> refused = logIn(sprayer, "victim@example.org", "correct horse");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(logIn(platform.client("203.0.113.4"), "victim@example.org", "correct horse").statusCode())
                .as("another address").isEqualTo(303);

        HttpResponse<String> api = platform.client("203.0.113.3").postJson("/api/session",
                Map.of("email", "victim@example.org", "password", "correct horse"));
        assertThat(api.statusCode()).as("the API is the same door").isEqualTo(429);
        assertThat(WebClient.json(api).get("error").asText()).startsWith("Too many failed logins");
    }

    @Test
    void oneAddressMakesItsFreeAccountsThenWaits() {
        WebClient flooder = platform.client("203.0.113.5");
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(flooder, "sybil" + i + "@example.org").statusCode()).as("account %d", i).isEqualTo(303);
        }

        HttpResponse<String> refused = signUp(flooder, "sybil5@example.org");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(WebClient.alert(refused)).isEqualTo("Too many accounts were made from your network address lately."
                + " Try again later.");
        assertThat(retryAfter(refused)).isBetween(1L, 60L);
        assertThat(logIn(flooder, "sybil5@example.org", "correct horse").statusCode()).as("not made").isEqualTo(401);
        assertThat(signUp(platform.client("203.0.113.6"), "honest@example.org").statusCode()).isEqualTo(303);
        assertThat(signUp(platform.client("2001:db8:5:6::1"), "six@example.org").statusCode()).isEqualTo(303);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 0; i < 8; i++) {
            assertThat(logIn(platform.client("2001:db8:7:7::" + Integer.toHexString(i + 1)), "v6-" + i + "@example.org",
                    WRONG).statusCode()).isEqualTo(401);
        }
        assertThat(logIn(platform.client("2001:db8:7:7:ffff::1"), "v6@example.org", WRONG).statusCode()).isEqualTo(429);
        assertThat(logIn(platform.client("2001:db8:7:8::1"), "v6@example.org", WRONG).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutATrustedProxyForwardedForIsIgnored() {
        for (int i = 0; i < 8; i++) {
            WebClient spoofing = untrusting.client("192.0.2." + (i + 1));
            assertThat(logIn(spoofing, "spoof" + i + "@example.org", WRONG).statusCode()).isEqualTo(401);
        }
        assertThat(logIn(untrusting.client("192.0.2.200"), "spoof@example.org", WRONG).statusCode())
                .as("all came from the one peer").isEqualTo(429);
    }

    private static HttpResponse<String> logIn(WebClient client, String email, String password) {
        return client.post("/login", Map.of("email", email, "password", password));
    }

    private static HttpResponse<String> signUp(WebClient client, String email) {
        return client.post("/signup", Map.of("email", email, "name", "Sybil", "password", "correct horse"));
    }

    private static long retryAfter(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }
}
