package dev.hotpath.platform.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotpath.platform.Chromium;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 6, in a real browser: a page on the same host but another port (the same site, not
 * the same origin) plants the attacker's session cookie scoped to {@code /exercises}, as the red team
 * did, then tries a login CSRF with a form token the attacker fetched legitimately. The victim's
 * submission must stay the victim's, and the victim must not end up signed in as the attacker.
 */
class CookieTossingBrowserTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static ChromeDriver browser;
    private static HttpServer attackerSite;
    private static WebClient attacker;

    @BeforeAll
    static void start() throws Exception {
        if (!chromium.available()) {
            return;
        }
        browser = chromium.browser();
        attacker = platform.client().signUp("mallory@example.org", "Mallory");
        attackerSite = HttpServer.create(new InetSocketAddress(0), 0);
        attackerSite.createContext("/toss", CookieTossingBrowserTest::toss);
        attackerSite.createContext("/login-csrf", CookieTossingBrowserTest::loginCsrf);
        attackerSite.start();
    }

    @AfterAll
    static void stop() {
        if (attackerSite != null) {
            attackerSite.stop(0);
        }
    }

    @Test
    void aSessionCookiePlantedFromAnotherPortDoesNotCaptureTheVictimsSubmission() {
        browser.manage().deleteAllCookies();
        chromium.signUpAndLogIn(platform.url("/signup"), "victim@example.org", "Victim");

        browser.get(attackerUrl("/toss"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cute cats");

        browser.get(platform.url("/exercises/" + TestPlatform.EXERCISE));
        assertThat(browser.findElement(By.cssSelector(".site-user")).getText()).as("whose page this is").isEqualTo("Victim");
        browser.executeScript("document.getElementById('submission-form').requestSubmit();");
        await().until(ExpectedConditions.urlMatches("/submissions/\\d+$"));

        browser.get(platform.url("/exercises/" + TestPlatform.EXERCISE + "/history"));
        assertThat(browser.findElements(By.cssSelector(".history-entry"))).as("the victim's history").hasSize(1);
        assertThat(attacker.page("/exercises/" + TestPlatform.EXERCISE + "/history").select(".history-entry"))
                .as("the attacker's history").isEmpty();
    }

    @Test
    void aLoginFormPostedFromAnotherPortWithTheAttackersOwnTokenPairIsRefused() {
        browser.manage().deleteAllCookies();
        browser.get(platform.url("/"));

        browser.get(attackerUrl("/login-csrf"));
        await().until(ExpectedConditions.urlContains(platform.url("/login")));

        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("came from another web page");
        browser.get(platform.url("/api/session"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"signedIn\":false");
    }

    /** The red team's page: the attacker's session, scoped to the exercises, under the old name and the new. */
    private static void toss(HttpExchange exchange) throws IOException {
        String token = attacker.cookie(WebSession.SESSION_COOKIE);
        List<String> cookies = List.of(
                "hotpath_session=" + token + "; Path=/exercises",
                WebSession.SESSION_COOKIE + "=" + token + "; Path=/exercises; Secure",
                WebSession.SESSION_COOKIE + "=" + token + "; Path=/exercises/" + TestPlatform.EXERCISE + "; Secure; HttpOnly");
        exchange.getResponseHeaders().put("Set-Cookie", cookies);
        answer(exchange, "<!DOCTYPE html><title>Cats</title><h1>Cute cats</h1><script>"
                + "document.cookie = '" + WebSession.SESSION_COOKIE + "=" + token + "; path=/exercises; secure';"
                + "</script>");
    }

    /** Plants the attacker's own pre-session cookie and posts the login form with its token: a valid pair. */
    private static void loginCsrf(HttpExchange exchange) throws IOException {
        WebClient visitor = platform.client();
        String token = visitor.csrfToken();
        exchange.getResponseHeaders().add("Set-Cookie", WebSession.FORM_COOKIE + "=" + visitor.cookie(WebSession.FORM_COOKIE)
                + "; Path=/; Secure; HttpOnly; SameSite=Lax");
        answer(exchange, "<!DOCTYPE html><title>Win</title><form id=f method=post action='" + platform.url("/login") + "'>"
                + "<input name=email value='mallory@example.org'><input name=password value='correct horse'>"
                + "<input name=_csrf value='" + token + "'></form><script>document.getElementById('f').submit();</script>");
    }

    private static void answer(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String attackerUrl(String path) {
        return "http://localhost:" + attackerSite.getAddress().getPort() + path;
    }

    private static WebDriverWait await() {
        return chromium.await(Duration.ofSeconds(10));
    }
}
