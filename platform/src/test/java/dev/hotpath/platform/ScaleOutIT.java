package dev.hotpath.platform;

import dev.hotpath.platform.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several machines, played by processes on this one: one PostgreSQL, one web node ({@code platform.jar serve
 * --slots 0}) and three worker JVMs sharing it. 40 learners submit 200 submissions through the web node (a mix
 * of correct, wrong and not compiling); one worker is killed with SIGKILL while it measures and started again
 * later. Every submission gets exactly one verdict and none is lost; no two measurements overlapped on this
 * host; a learner following a submission on the web node sees the steps of a grading done by a worker.
 *
 * <p>The workers grade with {@link SimulatedGradingWorker}'s stand-in for the grader (stages of tens of
 * milliseconds, the measurement under a host-wide file lock): what is tested is the queue across processes,
 * and real gradings would make this test cost ~20 minutes of CI. {@code PlatformRestartIT} grades for real.
 */
class ScaleOutIT {

    private static final Path JAR = Path.of(System.getProperty("platform.jar", "target/platform.jar"));
    private static final Path TEST_CLASSES = Path.of("target/test-classes");
    private static final Pattern URL = Pattern.compile("Hotpath is running at (http://localhost:\\d+)/");
    private static final Pattern SENT_AT = Pattern.compile("sent at (\\d+)");
    private static final int LEARNERS = 40;
    private static final int PER_LEARNER = 5;
    private static final int LEASE_SECONDS = 6;
    private static final String INSTRUCTOR = "ops@example.org";

    @TempDir
    Path work;
    private Database.Location database;
    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (database != null) {
            for (Process process : processes) {
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            TestPostgres.drop(database);
        }
    }

    @Test
    void twoHundredSubmissionsFromFortyLearnersThroughThreeWorkersOneKilledMidMeasurement() throws Exception {
        database = TestPostgres.createDatabase();
        String web = startWebNode();
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(startWorker());
        }
        List<WebClient> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners.add(new WebClient(web, "10.0.0." + (i + 1)).signUp("learner" + i + "@example.org", "Learner " + i));
        }

        WebClient watcher = new WebClient(web, "10.0.1.1").signUp("watcher@example.org", "Watcher");
        Map<Long, String> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
        List<Future<?>> done = new ArrayList<>();
        for (int l = 0; l < LEARNERS; l++) {
            WebClient learner = learners.get(l);
            int seed = l;
            done.add(pool.submit(() -> {
                for (int s = 0; s < PER_LEARNER; s++) {
                    String kind = switch ((seed + s) % 5) {
                        case 0, 1 -> "PASS";
                        case 2, 3 -> "FAIL_TESTS";
                        default -> "FAIL_COMPILE";
                    };
                    long id = learner.submit("// learner " + seed + " try " + s + "\n// simulate: " + kind + "\n");
                    expected.put(id, kind.equals("PASS") ? "PASS" : "FAIL");
                    awaitVerdict(learner, id);
                }
                return null;
            }));
        }

        // A learner's browser follows a submission on the web node, queued behind the others, that a worker grades.
        Thread.sleep(500);
        long watched = watcher.submit(TestPlatform.solution() + "\n// simulate: PASS\n");
        CompletableFuture<List<String>> events = follow(watcher, watched);

        // Kill worker 0 with SIGKILL while it measures, then start it again once its lease must have run out.
        Process victim = workers.get(0);
        awaitMeasuring(victim.pid());
        Instant killedAt = Instant.now();
        victim.destroyForcibly();
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(Duration.ofSeconds(LEASE_SECONDS + 2).toMillis());
        startWorker();

        for (Future<?> learner : done) {
            learner.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();
        expected.put(watched, "PASS");
        awaitVerdict(watcher, watched);

        // Exactly one verdict each, the right one, none lost.
        assertThat(expected).hasSize(LEARNERS * PER_LEARNER + 1);
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = sql.createStatement()) {
            Map<Long, String> verdicts = new java.util.HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT id, state, verdict FROM submissions")) {
                while (rows.next()) {
                    assertThat(rows.getString("state")).as("submission %d", rows.getLong("id")).isEqualTo("DONE");
                    verdicts.put(rows.getLong("id"), rows.getString("verdict"));
                }
            }
            assertThat(verdicts).isEqualTo(expected);
            try (ResultSet rows = statement.executeQuery("SELECT submission_id, COUNT(*) AS n FROM grading_attempts"
                    + " WHERE outcome = 'VERDICT' GROUP BY submission_id HAVING COUNT(*) <> 1")) {
                assertThat(rows.next()).as("a submission with other than one verdict").isFalse();
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'VERDICT'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(expected.size());
            }
            String victimId = "%:" + victim.pid() + ":%";
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM grading_attempts WHERE outcome = 'LEASE_EXPIRED'"
                    + " AND worker_id LIKE '" + victimId + "'")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the killed worker's gradings were recovered by lease expiry").isPositive();
            }
            assertNoMeasurementsOverlapped(statement, victimId, killedAt);
        }

        // The browser saw the worker's steps live, then the verdict.
        List<String> received = events.get(30, TimeUnit.SECONDS);
        assertThat(received).anySatisfy(event -> assertThat(event).contains("\"name\":\"tests\",\"label\":\"Tests\",\"state\":\"current\""));
        assertThat(received.get(received.size() - 1)).contains("\"done\":true", "\"verdict\":\"PASS\"");
        List<Long> delays = new ArrayList<>();
        for (String event : received) {
            Matcher sent = SENT_AT.matcher(event);
            if (sent.find()) {
                delays.add(receivedAt.get(event) - Long.parseLong(sent.group(1)));
            }
        }
        assertThat(delays).as("progress messages seen while grading").isNotEmpty();
        Collections.sort(delays);
        System.out.println("scale-out: progress from a worker to the browser on the web node: " + delays.size()
                + " messages, delay median " + delays.get(delays.size() / 2) + " ms, max " + delays.get(delays.size() - 1) + " ms");

        // Operators see the lease expiry and the workers on the dashboard.
        WebClient instructor = new WebClient(web, "10.0.2.1").signUp(INSTRUCTOR, "Ops");
        var dashboard = instructor.page("/instructor");
        assertThat(dashboard.select(".queue-health .lease-expiries").text()).isNotEqualTo("0");
        assertThat(dashboard.select(".workers tbody tr")).hasSizeGreaterThanOrEqualTo(3);
    }

    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    /** Polls the API as a patient client would (4 times a second), for at most four minutes. */
    private static void awaitVerdict(WebClient learner, long id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!WebClient.json(learner.get("/api/submissions/" + id)).get("state").asText().equals("DONE")) {
            assertThat(System.nanoTime()).as("submission %d graded within 4 minutes", id).isLessThan(deadline);
            WebClient.sleep(250);
        }
    }

    /** Reads the event stream of {@code id} on the web node, recording when each event arrived. */
    private CompletableFuture<List<String>> follow(WebClient client, long id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.url("/submissions/" + id + "/events")))
                .header("Accept", "text/event-stream").build();
        // A request that fails (refused, reset) fails the future too, rather than leaving it open.
        return client.httpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            List<String> data = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        String event = line.substring("data: ".length());
                        receivedAt.put(event, System.currentTimeMillis());
                        data.add(event);
                    }
                }
                return data;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Measurements on this host, ordered by start, never overlap. The killed worker's last measurement has no
     * recorded end (it died): it ended at the latest when the process was killed.
     */
    private static void assertNoMeasurementsOverlapped(Statement statement, String victimId, Instant killedAt)
            throws SQLException {
        List<Instant[]> intervals = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT worker_id, measure_started_at, measure_ended_at"
                + " FROM grading_attempts WHERE measure_started_at IS NOT NULL ORDER BY measure_started_at")) {
            while (rows.next()) {
                Instant start = rows.getObject("measure_started_at", java.time.OffsetDateTime.class).toInstant();
                java.time.OffsetDateTime end = rows.getObject("measure_ended_at", java.time.OffsetDateTime.class);
                assertThat(end != null || rows.getString("worker_id").matches(victimId.replace("%", ".*")))
                        .as("only the killed worker leaves a measurement without an end").isTrue();
                intervals.add(new Instant[] {start, end == null ? killedAt : end.toInstant()});
            }
        }
        assertThat(intervals).hasSizeGreaterThan(50);
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i)[0]).as("measurement %d starts after measurement %d ended", i, i - 1)
                    .isAfterOrEqualTo(intervals.get(i - 1)[1]);
        }
    }

    private void awaitMeasuring(long pid) throws SQLException, InterruptedException {
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = sql.createStatement()) {
            for (int i = 0; i < 1_200; i++) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM grading_attempts WHERE worker_id LIKE '%:"
                        + pid + ":%' AND measure_started_at IS NOT NULL AND measure_ended_at IS NULL AND outcome IS NULL")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(25);
            }
        }
        throw new AssertionError("worker " + pid + " never measured");
    }

    private String startWebNode() throws Exception {
        Process process = start(List.of(java(), "-jar", JAR.toAbsolutePath().toString(), "serve", "--port", "0",
                "--slots", "0", "--per-address", "100", "--lease", String.valueOf(LEASE_SECONDS),
                // Each learner comes from an address of its own, as in a class: sign-ups are limited per address.
                "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "::1",
                "--instructor", INSTRUCTOR, "--course", TestPlatform.COURSE.toString()));
        return ProcessOutput.awaitLine(process, URL).get(60, TimeUnit.SECONDS);
    }

    private Process startWorker() throws Exception {
        Process process = start(List.of(java(), "-cp", JAR.toAbsolutePath() + java.io.File.pathSeparator
                        + TEST_CLASSES.toAbsolutePath(), SimulatedGradingWorker.class.getName(), database.jdbcUrl(),
                database.user(), database.password(), TestPlatform.COURSE.toString(), String.valueOf(LEASE_SECONDS), "2",
                work.resolve("measurement.lock").toString()));
        ProcessOutput.awaitLine(process, Pattern.compile("simulated worker grading")).get(60, TimeUnit.SECONDS);
        return process;
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HOTPATH_DATABASE_URL", database.jdbcUrl());
        builder.environment().put("HOTPATH_DATABASE_USER", database.user());
        builder.environment().put("HOTPATH_DATABASE_PASSWORD", database.password());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
