package dev.hotpath.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visitor of the platform over real HTTP: java.net.http with its own cookies, kept as a browser
 * keeps them (Secure cookies go to http://localhost too), redirects not followed (tests assert them).
 * Forms get the CSRF token the way a browser's would: from the page.
 */
public final class WebClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final String forwardedFor;
    private final CookieManager cookies = new LoopbackIsSecure();

    /** @param baseUrl e.g. {@code http://localhost:7070} */
    public WebClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** A visitor behind a proxy that names it in {@code X-Forwarded-For} (believed only with {@code --trusted-proxy}). */
    public WebClient(String baseUrl, String forwardedFor) {
        this.baseUrl = baseUrl;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Browsers treat http://localhost as a secure origin and send it Secure cookies; java.net's
     * CookieManager sends them over https only. Asked for a loopback address, it is told https.
     */
    private static final class LoopbackIsSecure extends CookieManager {
        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            boolean loopback = "http".equals(uri.getScheme())
                    && (uri.getHost().equals("localhost") || uri.getHost().startsWith("127."));
            try {
                return super.get(loopback ? new URI("https", uri.getRawAuthority(), uri.getRawPath(), null, null)
                        : uri, requestHeaders);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A request of any method without a body, e.g. HEAD. */
    public HttpResponse<String> request(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** Posts a form with the CSRF token this visitor's pages carry. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken());
        return postWithoutToken(path, withToken);
    }

    /** Posts a form as given, with extra {@code headers} (name, value, ...), e.g. a planted Cookie. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** The value of this visitor's cookie {@code name}, as the server set it. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    /** Posts JSON with the session's CSRF token in X-CSRF-Token, as docs/api.md says. */
    public HttpResponse<String> postJson(String path, Object body) {
        return postJson(path, body, csrfToken());
    }

    public HttpResponse<String> postJson(String path, Object body, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body)));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /** The token of this visitor's session, or of its sign-up/login forms before signing in. */
    public String csrfToken() {
        return json(get("/api/session")).get("csrfToken").asText();
    }

    /** Signs up through the form, which sends the new account to log in, and logs in. */
    public WebClient signUp(String email, String name) {
        HttpResponse<String> response = post("/signup", Map.of("email", email, "name", name, "password", "correct horse"));
        assertThat(response.statusCode()).as("sign up %s: %s", email, response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/login?notice=signed-up"));
        return logIn(email);
    }

    /** Submits through the exercise page's form; returns the new submission's id. */
    public long submit(String code) {
        HttpResponse<String> response = post("/exercises/" + TestPlatform.EXERCISE + "/submissions",
                Map.of("file:" + TestPlatform.EDITABLE, code));
        assertThat(response.statusCode()).as("submit: %s", response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/submissions/");
        return Long.parseLong(location.substring("/submissions/".length()));
    }

    /** Polls the API until the submission is graded, for at most {@code timeout}. */
    public JsonNode awaitVerdict(long submission, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = json(get("/api/submissions/" + submission));
            if (status.get("state").asText().equals("DONE") || System.nanoTime() > deadline) {
                assertThat(status.get("state").asText()).as("submission %s after %s", submission, timeout).isEqualTo("DONE");
                return status;
            }
            sleep(100);
        }
    }

    /** The message an error page or a refused form shows. */
    public static String alert(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("[role=alert]").text();
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** Logs in through the form; returns this client, signed in. */
    public WebClient logIn(String email) {
        HttpResponse<String> response = post("/login", Map.of("email", email, "password", "correct horse"));
        assertThat(response.statusCode()).as("log in %s: %s", email, response.body()).isEqualTo(303);
        return this;
    }

    /** The underlying client, with this visitor's cookies, for streaming responses. */
    public HttpClient httpClient() {
        return http;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
