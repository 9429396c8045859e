import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.auth.Role;
import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.UserRepository;
import dev.hotpath.platform.db.WorkerRepository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Grading throughput and queue wait with 1, 2 and 3 worker processes on this machine, correctness-only and
 * full gradings; and what the database costs per grading, PostgreSQL against embedded H2. Run through
 * bench/scale-out (see bench/README.md).
 *
 * Per configuration: a fresh PostgreSQL database, N {@code platform.jar worker --slots 1} processes (the real
 * grader, sandboxed), then a burst of submissions stored at once (as a class submitting together would);
 * it waits for every verdict. Gradings per minute = submissions / (last verdict - burst); queue wait = first
 * claim - submission. Correctness-only submissions fail a hidden test (the exercise's currency-dropped trap),
 * so they stop before the measurement; full ones are the reference solution and are measured.
 *
 * The database cost: the statements the queue runs for one grading (store, claim, progress steps with the
 * reads the event stream does, measurement marks, heartbeat, verdict), timed in one thread, H2 and
 * PostgreSQL interleaved in rounds; the median per grading.
 */
public class ScaleOut {

    private static final String EXERCISE = "cache-key-explosion";
    private static final String EDITABLE = "src/main/java/dev/hotpath/cachekey/PageCache.java";

    record Result(String kind, int workers, int submissions, double perMinute, double waitP50, double waitP95,
                  double gradingP50, Map<String, Long> verdicts) {
    }

    public static void main(String[] args) throws Exception {
        int correctness = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int full = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String admin = System.getenv().getOrDefault("HOTPATH_BENCH_DATABASE_URL", System.getenv("HOTPATH_TEST_DATABASE_URL"));
        if (admin == null) {
            throw new IllegalStateException("set HOTPATH_BENCH_DATABASE_URL to a PostgreSQL database whose user may"
                    + " create databases, e.g. jdbc:postgresql://127.0.0.1:5432/postgres (user in HOTPATH_BENCH_DATABASE_USER)");
        }
        String user = System.getenv().getOrDefault("HOTPATH_BENCH_DATABASE_USER",
                System.getenv().getOrDefault("HOTPATH_TEST_DATABASE_USER", "postgres"));
        String password = System.getenv().getOrDefault("HOTPATH_BENCH_DATABASE_PASSWORD", "");
        Path jar = Path.of("platform/target/platform.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: mvn -q -B package -DskipTests");
        }
        String solution = Files.readString(Path.of("exercises", EXERCISE, "solution", EDITABLE));
        String wrong = solution.replace("return new Key(sku, canonicalLocale, canonicalCurrency, variant == null ? \"\" : variant);",
                "return new Key(sku, canonicalLocale, \"\", variant == null ? \"\" : variant);");
        if (wrong.equals(solution)) {
            throw new IllegalStateException("the currency-dropped patch no longer applies to the solution");
        }

        System.out.println("database cost per grading (ms, median of 5 rounds of 100 gradings, interleaved):");
        double[] h2 = new double[5];
        double[] pg = new double[5];
        for (int round = 0; round < 5; round++) {
            h2[round] = databaseCost(new Database.Location("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), 100);
            String name = createDatabase(admin, user, password);
            pg[round] = databaseCost(new Database.Location(url(admin, name), user, password), 100);
            dropDatabase(admin, user, password, name);
        }
        System.out.printf(Locale.ROOT, "  H2 (embedded)  %.2f ms  [rounds %s]%n", median(h2), rounds(h2));
        System.out.printf(Locale.ROOT, "  PostgreSQL     %.2f ms  [rounds %s]%n%n", median(pg), rounds(pg));

        List<Result> results = new ArrayList<>();
        for (String kind : List.of("correctness", "full")) {
            for (int workers = 1; workers <= 3; workers++) {
                int count = kind.equals("full") ? full : correctness;
                results.add(run(jar, admin, user, password, kind, workers, count, kind.equals("full") ? solution : wrong));
            }
        }
        System.out.println();
        System.out.println("| gradings | workers (1 slot each) | submissions | gradings/min | queue wait p50 | queue wait p95 | grading p50 | verdicts |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f s | %.1f s | %.1f s | %s |%n", r.kind(), r.workers(),
                    r.submissions(), r.perMinute(), r.waitP50(), r.waitP95(), r.gradingP50(), r.verdicts());
        }
    }

    private static Result run(Path jar, String admin, String user, String password, String kind, int workers,
                              int count, String code) throws Exception {
        String name = createDatabase(admin, user, password);
        String url = url(admin, name);
        List<Process> processes = new ArrayList<>();
        try (Database database = Database.open(new Database.Location(url, user, password), 4)) {
            for (int i = 0; i < workers; i++) {
                processes.add(startWorker(jar, url, user, password));
            }
            UserRepository users = new UserRepository(database.sql());
            SubmissionRepository submissions = new SubmissionRepository(database.sql());
            Instant burst = Instant.now();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long learner = users.create("bench" + i + "@example.org", "Bench " + i, "x", Role.LEARNER, burst).id();
                ids.add(submissions.insert(new SubmissionRepository.NewSubmission(learner, "10.0.0." + i, EXERCISE,
                        Map.of(EDITABLE, code)), Instant.now()));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (submissions.countQueued() > 0 || database.sql().count("SELECT COUNT(*) FROM submissions WHERE state <> 'DONE'") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(kind + " with " + workers + " workers did not finish in 20 minutes");
                }
                Thread.sleep(200);
            }
            List<Double> waits = new ArrayList<>();
            List<Double> gradings = new ArrayList<>();
            Instant last = burst;
            Map<String, Long> verdicts = new java.util.TreeMap<>();
            for (long id : ids) {
                var status = submissions.find(id).orElseThrow();
                Instant firstClaim = database.sql().one("SELECT MIN(started_at) AS t FROM grading_attempts WHERE submission_id = ?",
                        row -> row.getInstant("t"), id).orElseThrow();
                waits.add(Duration.between(status.submittedAt(), firstClaim).toMillis() / 1000.0);
                gradings.add(Duration.between(status.startedAt(), status.finishedAt()).toMillis() / 1000.0);
                last = status.finishedAt().isAfter(last) ? status.finishedAt() : last;
                verdicts.merge(status.verdict().name(), 1L, Long::sum);
            }
            double minutes = Duration.between(burst, last).toMillis() / 60_000.0;
            Result result = new Result(kind, workers, count, count / minutes, percentile(waits, 0.5), percentile(waits, 0.95),
                    percentile(gradings, 0.5), verdicts);
            System.out.printf(Locale.ROOT, "%s, %d worker(s): %.1f gradings/min, wait p50 %.1f s p95 %.1f s, %s%n", kind, workers,
                    result.perMinute(), result.waitP50(), result.waitP95(), verdicts);
            return result;
        } finally {
            for (Process process : processes) {
                process.destroy(); // SIGTERM: the worker releases what it holds and stops
            }
            for (Process process : processes) {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            dropDatabase(admin, user, password, name);
        }
    }

    /** The queue's statements for {@code gradings} gradings, one after another; milliseconds per grading. */
    private static double databaseCost(Database.Location location, int gradings) {
        try (Database database = Database.open(location, 4)) {
            long learner = new UserRepository(database.sql()).create("cost@example.org", "Cost", "x", Role.LEARNER, Instant.now()).id();
            SubmissionRepository submissions = new SubmissionRepository(database.sql());
            new WorkerRepository(database.sql()).register("bench", "bench-host", 1, 1, Instant.now());
            long start = System.nanoTime();
            for (int i = 0; i < gradings; i++) {
                Instant now = Instant.now();
                long id = submissions.insert(new SubmissionRepository.NewSubmission(learner, "", EXERCISE,
                        Map.of(EDITABLE, "class PageCache {}")), now);
                var claimed = submissions.claimNext("bench", "bench-host", now.plusSeconds(30), now).orElseThrow();
                for (String stage : List.of("compile", "compile", "policy", "policy", "tests", "tests", "tests",
                        "performance", "performance", "performance")) {
                    submissions.progress(id, claimed.attempts(), stage, "step");
                    submissions.find(id).orElseThrow();
                }
                submissions.measurement(id, claimed.attempts(), true, now);
                submissions.measurement(id, claimed.attempts(), false, now);
                submissions.heartbeat("bench", now.plusSeconds(30), now);
                submissions.finish(id, claimed.attempts(), Verdict.PASS, "ok", "{}", List.of(), Instant.now());
            }
            return (System.nanoTime() - start) / 1e6 / gradings;
        }
    }

    private static Process startWorker(Path jar, String url, String user, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "worker", "--database", url,
                "--slots", "1", "--course", ".").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HOTPATH_DATABASE_USER", user);
        builder.environment().put("HOTPATH_DATABASE_PASSWORD", password);
        Process process = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("Hotpath worker is grading")) {
                        ready.complete(null);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("a worker exited before it was ready"));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        ready.get(120, TimeUnit.SECONDS);
        return process;
    }

    private static String createDatabase(String admin, String user, String password) throws Exception {
        String name = "hotpath_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, user, password, "CREATE DATABASE " + name);
        return name;
    }

    private static void dropDatabase(String admin, String user, String password, String name) throws Exception {
        execute(admin, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String admin, String user, String password, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String url(String admin, String name) {
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rounds(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", value));
        }
        return text.toString();
    }
}
