package dev.hotpath.platform;

import dev.hotpath.grader.pipeline.SandboxUnavailableException;
import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.course.CourseContentException;
import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.db.DatabaseUnavailableException;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.grading.QueueTiming;
import dev.hotpath.platform.web.TrustedProxies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code java -jar platform/target/platform.jar [serve] [--port N] [--data DIR | --database URL]
 * [--trusted-proxy ADDRESS]… …}: starts the web platform, which also grades, and prints its address.
 * {@code … worker --database URL [--slots N]} grades from a shared database without serving the web. Both run
 * until stopped (Ctrl-C, SIGTERM); what they were grading then goes back to the queue.
 */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {Main.Serve.class, Main.Worker.class},
        description = {"Runs the Hotpath web platform: lessons, exercises in the browser, grading, instructors' dashboard.",
                "Without a command it serves (as 'serve'); 'worker' grades from a shared database without serving."})
public final class Main implements Callable<Integer> {

    /** Where the data is and what grading may do: the same for web nodes and workers. */
    static final class Common {

        @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
                description = "Where the embedded database lives; created on first start (default ./data)."
                        + " Not used with --database.")
        Path data;

        @Option(names = "--database", defaultValue = "${env:HOTPATH_DATABASE_URL}", paramLabel = "URL",
                description = "A shared database instead of the embedded one, e.g."
                        + " jdbc:postgresql://db.example.org:5432/hotpath (env HOTPATH_DATABASE_URL).")
        @Nullable String databaseUrl;

        @Option(names = "--database-user", defaultValue = "${env:HOTPATH_DATABASE_USER:-hotpath}", paramLabel = "NAME",
                description = "User for --database (env HOTPATH_DATABASE_USER; default hotpath).")
        String databaseUser;

        @Option(names = "--database-password", defaultValue = "${env:HOTPATH_DATABASE_PASSWORD:-}", paramLabel = "SECRET",
                description = "Password for --database (env HOTPATH_DATABASE_PASSWORD, which other users cannot see in"
                        + " the process list).")
        String databasePassword;

        @Option(names = "--course", defaultValue = ".", paramLabel = "DIR",
                description = "The repository root, holding lessons/ and exercises/ (default: the working directory).")
        Path course;

        @Option(names = "--lease", defaultValue = "30", paramLabel = "SECONDS",
                description = "How long a grading is owned without a heartbeat: a grader that dies mid-grading loses"
                        + " it this long after its last beat and another grades it again (default 30).")
        int leaseSeconds;

        @Option(names = "--allow-unsandboxed", defaultValue = "${env:HOTPATH_ALLOW_UNSANDBOXED:-false}",
                description = "Grade even when the OS sandbox (bubblewrap) is missing: learners' code then runs with"
                        + " this process's rights. Only where every learner is trusted (env HOTPATH_ALLOW_UNSANDBOXED=true).")
        boolean allowUnsandboxed;

        Database.Location database() {
            return databaseUrl == null || databaseUrl.isBlank() ? Database.Location.embedded(data)
                    : new Database.Location(databaseUrl, databaseUser, databasePassword);
        }
    }

    /** The web server's options. */
    static final class ServeOptions {

        @Option(names = "--port", defaultValue = "${env:PORT:-7070}", paramLabel = "N",
                description = "Port to listen on; 0 picks a free one (env PORT; default 7070).")
        int port;

        @Option(names = "--instructor", defaultValue = "${env:HOTPATH_INSTRUCTOR_EMAIL}", paramLabel = "EMAIL",
                description = "This account is an instructor: when it signs up, or at start if it exists"
                        + " (env HOTPATH_INSTRUCTOR_EMAIL).")
        @Nullable String instructor;

        @Option(names = "--slots", defaultValue = "2", paramLabel = "N",
                description = "Gradings this process runs at once (default 2); 0 serves the web only and leaves"
                        + " grading to workers.")
        int slots;

        @Option(names = "--trusted-proxy", paramLabel = "ADDRESS",
                description = "The IP address of a reverse proxy in front of the platform (repeatable): only then are"
                        + " its X-Forwarded-For (the client's address, for rate limits) and X-Forwarded-Proto believed.")
        List<String> trustedProxies = List.of();

        @Option(names = "--per-address", defaultValue = "20", paramLabel = "N",
                description = "Submissions from one client address that may be queued or graded at once (default 20):"
                        + " raise it for a classroom behind one NAT address.")
        int perAddress;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Runs the web server, which also grades unless --slots 0 (the default command).")
    static final class Serve implements Callable<Integer> {

        @Mixin
        ServeOptions serve = new ServeOptions();
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return Main.serve(serve, common);
        }
    }

    @Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Grades submissions from a shared database (--database) without serving the web.")
    static final class Worker implements Callable<Integer> {

        @Option(names = "--slots", defaultValue = "2", paramLabel = "N",
                description = "Gradings this worker runs at once (default 2); measurements never overlap on a host.")
        int slots;
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            if (slots < 1) {
                System.err.println("hotpath: --slots must be at least 1 for a worker, got " + slots);
                return 2;
            }
            if (common.database().embedded()) {
                System.err.println("hotpath: a worker grades from a database it shares with the web nodes: pass"
                        + " --database jdbc:postgresql://HOST:5432/DB (or HOTPATH_DATABASE_URL); see docs/deploy.md.");
                return 2;
            }
            Optional<Platform> platform = Main.start(Platform.Role.WORKER,
                    settings(common, 0, null, GradingLimits.DEFAULT.withWorkers(slots), TrustedProxies.NONE), common);
            if (platform.isEmpty()) {
                return 1;
            }
            System.out.println("Hotpath worker is grading with " + slots + " slot(s) from " + common.database().describe());
            System.out.flush();
            // Grading runs in daemon threads; this thread keeps the JVM alive until it is stopped (SIGTERM, Ctrl-C).
            try {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Mixin
    ServeOptions serve = new ServeOptions();
    @Mixin
    Common common = new Common();

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        int exitCode = new CommandLine(new Main()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
        // Exit code 0: the server or worker runs on in its own threads until the JVM is stopped.
    }

    @Override
    public Integer call() {
        return serve(serve, common);
    }

    private static int serve(ServeOptions serve, Common common) {
        if (serve.port < 0 || serve.port > 65_535) {
            System.err.println("hotpath: --port must be between 0 and 65535, got " + serve.port);
            return 2;
        }
        if (serve.slots < 0 || serve.perAddress < 1) {
            System.err.println("hotpath: --slots must be 0 or more and --per-address 1 or more, got " + serve.slots
                    + " and " + serve.perAddress);
            return 2;
        }
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(serve.trustedProxies);
        } catch (IllegalArgumentException e) {
            System.err.println("hotpath: " + e.getMessage());
            return 2;
        }
        GradingLimits defaults = GradingLimits.DEFAULT;
        GradingLimits limits = new GradingLimits(defaults.perLearnerPerMinute(), serve.perAddress, defaults.maxQueued(),
                serve.slots);
        Optional<Platform> platform = start(Platform.Role.SERVE,
                settings(common, serve.port, serve.instructor, limits, proxies), common);
        platform.ifPresent(started -> System.out.println("Hotpath is running at http://localhost:" + started.port() + "/"));
        System.out.flush();
        return platform.isPresent() ? 0 : 1;
    }

    private static Platform.Settings settings(Common common, int port, @Nullable String instructor, GradingLimits limits,
                                              TrustedProxies proxies) {
        return new Platform.Settings(port, common.database(), common.course,
                Optional.ofNullable(instructor).filter(email -> !email.isBlank()), common.allowUnsandboxed,
                limits, QueueTiming.withLease(Duration.ofSeconds(common.leaseSeconds)), proxies, Throttle.Rules.DEFAULT);
    }

    /** Starts the platform, or says on standard error why it cannot and returns empty. */
    private static Optional<Platform> start(Platform.Role role, Platform.Settings settings, Common common) {
        if (common.leaseSeconds < 6) {
            System.err.println("hotpath: --lease must be at least 6 seconds, got " + common.leaseSeconds);
            return Optional.empty();
        }
        Platform platform;
        try {
            platform = Platform.start(role, settings);
        } catch (CourseContentException e) {
            System.err.println("hotpath: the course in " + common.course.toAbsolutePath().normalize()
                    + " cannot be served:\n" + e.getMessage());
            return Optional.empty();
        } catch (DatabaseUnavailableException e) {
            System.err.println("hotpath: cannot start: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // The port is taken, the data directory is in use by another platform, the sandbox is missing…
            System.err.println("hotpath: cannot start: " + reasons(e));
            if (!common.allowUnsandboxed && causedBy(e, SandboxUnavailableException.class)) {
                System.err.println("hotpath: install bubblewrap (apt-get install bubblewrap), or, on a machine where"
                        + " every learner is trusted, pass --allow-unsandboxed (or HOTPATH_ALLOW_UNSANDBOXED=true).");
            }
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
        platform.unsandboxedReason().ifPresent(Main::warnUnsandboxed);
        return Optional.of(platform);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The message of an exception and of each cause that adds to it, e.g. the pool's and the database's. */
    private static String reasons(Throwable e) {
        StringBuilder reasons = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !reasons.toString().contains(cause.getMessage())) {
                reasons.append(": ").append(cause.getMessage());
            }
        }
        return reasons.toString();
    }

    private static void warnUnsandboxed(String reason) {
        String line = "!".repeat(78);
        System.err.println(line);
        System.err.println("!! WARNING: grading runs WITHOUT the OS sandbox (" + reason + ").");
        System.err.println("!! Learners' code runs with this process's rights: it can read this machine's files,");
        System.err.println("!! the database in the data directory and the network. Use this only where every");
        System.err.println("!! learner is trusted. See docs/security.md.");
        System.err.println(line);
    }
}
