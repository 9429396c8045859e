import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Page latency of the web platform with and without a grading running, and the time from submit to
 * the verdict visible in the page. Run through bench/platform-latency (see bench/README.md).
 *
 * Starts platform/target/platform.jar on a fresh data directory, signs up learners, warms up, then
 * for each round: 50 connections (one signed-in learner each, keep-alive) alternate between the
 * lesson page and the exercise page for a fixed time with nothing grading; then the reference
 * solution is submitted and the same load runs while it is graded. Reports per page and condition
 * the medians over rounds of p50 and p99, and the median submit → verdict time.
 *
 * Two load shapes: with rate 0 each connection sends its next request as soon as the last is
 * answered (saturation: latency is then connections / throughput, and the load generator shares
 * the machine's cores with the server); with rate R each connection sends R requests per second on
 * a fixed schedule, and latency counts from the scheduled time, so a stalled server cannot hide its
 * queueing delay (no coordinated omission).
 *
 * The platform JVM runs with the options in the environment variable PLATFORM_JAVA_OPTS, if set
 * (e.g. a garbage collector), so that configurations can be compared.
 */
public class PlatformLatency {

    private static final int CONNECTIONS = 50;
    private static final String EXERCISE = "cache-key-explosion";
    private static final String EDITABLE = "src/main/java/dev/hotpath/cachekey/PageCache.java";
    private static final Map<String, String> PAGES = Map.of(
            "lesson page", "/lessons/remove-repeated-work",
            "exercise page", "/exercises/" + EXERCISE);
    private static final Pattern URL = Pattern.compile("Hotpath is running at (http://localhost:\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reference solution graded while the pages were under load. */
    record Graded(double seconds, String verdict, String summary) {
    }

    /** Latencies in microseconds of one page under one condition in one round. */
    record Sample(String page, boolean grading, List<Long> micros) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        Path jar = Path.of("platform/target/platform.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: mvn -q -B package -DskipTests");
        }
        Path data = Files.createTempDirectory("hotpath-latency-");
        List<String> command = new ArrayList<>(List.of("java"));
        String javaOptions = System.getenv().getOrDefault("PLATFORM_JAVA_OPTS", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        // The learners sign up from addresses of their own, as behind a proxy: one address may make only so many accounts.
        command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--data", data.toString(),
                "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "::1"));
        Process platform = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.destroy();
            deleteTree(data);
        }));
        String base = awaitUrl(platform);
        String solution = Files.readString(Path.of("exercises", EXERCISE, "solution", EDITABLE));

        System.out.printf(Locale.ROOT, "platform at %s (java %s-jar); %d connections, %s; %d rounds of %d s; %d cores%n%n",
                base, javaOptions.isEmpty() ? "" : javaOptions + " ", CONNECTIONS, rate == 0 ? "each as fast as answered"
                        : rate + " requests/s each (" + rate * CONNECTIONS + " requests/s in all)", rounds, seconds,
                Runtime.getRuntime().availableProcessors());
        List<Session> readers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            readers.add(Session.signUp(base, "reader" + i + "@bench.example"));
        }
        load(readers, () -> false, Duration.ofSeconds(15), 0); // warm-up: JIT, caches, connections

        List<Sample> samples = new ArrayList<>();
        List<Double> submitToVerdict = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            samples.addAll(load(readers, () -> false, Duration.ofSeconds(seconds), rate).stream()
                    .map(sample -> new Sample(sample.page(), false, sample.micros())).toList());

            Session learner = Session.signUp(base, "learner" + round + "@bench.example");
            AtomicBoolean grading = new AtomicBoolean(true);
            CompletableFuture<Graded> verdict = CompletableFuture.supplyAsync(() -> {
                try {
                    return learner.submitAndAwaitVerdict(solution);
                } finally {
                    grading.set(false);
                }
            });
            // Measure only while the grading runs, at most the round's length.
            samples.addAll(load(readers, () -> !grading.get(), Duration.ofSeconds(seconds), rate).stream()
                    .map(sample -> new Sample(sample.page(), true, sample.micros())).toList());
            Graded graded = verdict.get(10, TimeUnit.MINUTES);
            submitToVerdict.add(graded.seconds());
            System.out.printf(Locale.ROOT, "round %d: submit → verdict visible %.1f s: %s%s%n", round, graded.seconds(),
                    graded.verdict(), graded.verdict().equals("PASS") ? "" : " (" + graded.summary() + ")");
        }

        System.out.printf(Locale.ROOT, "%n%-14s | %-29s | %-29s%n", "", "no grading running", "a grading running");
        System.out.printf(Locale.ROOT, "%-14s | %8s %8s %11s | %8s %8s %11s%n", "page", "p50 ms", "p99 ms", "requests",
                "p50 ms", "p99 ms", "requests");
        for (String page : PAGES.keySet().stream().sorted().toList()) {
            System.out.printf(Locale.ROOT, "%-14s | %s | %s%n", page, summary(samples, page, false), summary(samples, page, true));
        }
        System.out.printf(Locale.ROOT, "%nsubmit → verdict visible in the page (reference solution): median %.1f s over %d"
                + " (%s)%n", median(submitToVerdict), submitToVerdict.size(),
                submitToVerdict.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).collect(Collectors.joining(", ")));
        System.out.println("(p50 and p99 are medians over rounds of each round's percentile)");
    }

    /**
     * Runs the load until {@code duration} passes or {@code stop} says so; returns one sample per page.
     *
     * @param rate requests per second per connection, or 0 for as fast as answered
     */
    private static List<Sample> load(List<Session> readers, java.util.function.BooleanSupplier stop, Duration duration,
                                     double rate) throws InterruptedException {
        Map<String, List<Long>> latencies = Map.of(
                "lesson page", Collections.synchronizedList(new ArrayList<>()),
                "exercise page", Collections.synchronizedList(new ArrayList<>()));
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(readers.size());
        for (int i = 0; i < readers.size(); i++) {
            Session reader = readers.get(i);
            int offset = i;
            Thread thread = new Thread(() -> {
                long interval = rate == 0 ? 0 : (long) (1e9 / rate);
                // Paced connections start spread over one interval, not all at once.
                long scheduled = System.nanoTime() + interval * offset / readers.size();
                try {
                    for (long n = offset; System.nanoTime() < deadline && !stop.getAsBoolean(); n++) {
                        String page = n % 2 == 0 ? "lesson page" : "exercise page";
                        long start = System.nanoTime();
                        if (interval > 0) {
                            sleepUntil(scheduled);
                            start = scheduled;
                            scheduled += interval;
                        }
                        int status = reader.get(PAGES.get(page)).statusCode();
                        long micros = (System.nanoTime() - start) / 1_000;
                        if (status != 200) {
                            throw new IllegalStateException(page + " answered " + status);
                        }
                        latencies.get(page).add(micros);
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        return latencies.entrySet().stream().map(entry -> new Sample(entry.getKey(), false, List.copyOf(entry.getValue()))).toList();
    }

    private static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private static String summary(List<Sample> samples, String page, boolean grading) {
        List<Sample> matching = samples.stream().filter(s -> s.page().equals(page) && s.grading() == grading).toList();
        double p50 = median(matching.stream().map(s -> percentile(s.micros(), 50) / 1000.0).toList());
        double p99 = median(matching.stream().map(s -> percentile(s.micros(), 99) / 1000.0).toList());
        long requests = matching.stream().mapToLong(s -> s.micros().size()).sum();
        return String.format(Locale.ROOT, "%8.1f %8.1f %11d", p50, p99, requests);
    }

    private static double percentile(List<Long> values, double percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String awaitUrl(Process platform) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = URL.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("the platform exited without printing its URL");
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    /** One signed-in browser: its own cookies, its own HTTP connection and its own client address. */
    static final class Session {

        private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

        private final String base;
        private final String address;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager() {
                    // Browsers send Secure cookies to http://localhost; java.net's CookieManager only over https.
                    @Override
                    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                        return super.get(URI.create(uri.toString().replaceFirst("^http://localhost:", "https://localhost:")),
                                headers);
                    }
                }).followRedirects(HttpClient.Redirect.NEVER).build();

        private Session(String base) {
            this.base = base;
            int n = ADDRESSES.getAndIncrement();
            this.address = "10.77." + n / 250 + "." + (n % 250 + 1);
        }

        /** Signs up, which sends the new account to log in, and logs in. */
        static Session signUp(String base, String email) throws IOException, InterruptedException {
            Session session = new Session(base);
            String form = "email=" + encode(email) + "&password=" + encode("bench password");
            HttpResponse<String> signedUp = session.post("/signup", "_csrf=" + session.csrfToken() + "&name=Bench&" + form);
            HttpResponse<String> loggedIn = session.post("/login", "_csrf=" + session.csrfToken() + "&" + form);
            if (signedUp.statusCode() != 303 || loggedIn.statusCode() != 303) {
                throw new IllegalStateException("sign-up of " + email + " answered " + signedUp.statusCode()
                        + ", logging in " + loggedIn.statusCode());
            }
            return session;
        }

        /**
         * Submits through the exercise page's form and follows the event stream to the verdict; returns the
         * seconds until the result page shows it, and the verdict (grading under load may not be a PASS).
         */
        Graded submitAndAwaitVerdict(String code) {
            try {
                long start = System.nanoTime();
                HttpResponse<String> submitted = post("/exercises/" + EXERCISE + "/submissions",
                        "_csrf=" + csrfToken() + "&" + encode("file:" + EDITABLE) + "=" + encode(code));
                String page = submitted.headers().firstValue("Location").orElseThrow(() ->
                        new IllegalStateException("submitting answered " + submitted.statusCode() + ": " + submitted.body()));
                HttpResponse<java.util.stream.Stream<String>> events = http.send(HttpRequest.newBuilder(
                                URI.create(base + page + "/events")).header("Accept", "text/event-stream")
                                .header("X-Forwarded-For", address).build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (events.body().noneMatch(line -> line.startsWith("data: ") && line.contains("\"done\":true"))) {
                    throw new IllegalStateException("the event stream of " + page + " ended without a verdict");
                }
                if (!get(page).body().contains("<section class=\"verdict verdict-")) {
                    throw new IllegalStateException(page + " does not show the verdict after the event stream ended");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                JsonNode status = JSON.readTree(get("/api" + page).body());
                return new Graded(seconds, status.get("verdict").asText(), status.get("summary").asText());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String csrfToken() throws IOException {
            JsonNode session = JSON.readTree(get("/api/session").body());
            return session.get("csrfToken").asText();
        }

        private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
