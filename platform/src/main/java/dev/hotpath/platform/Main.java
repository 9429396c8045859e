package dev.hotpath.platform;

import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.course.CourseContentException;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.web.TrustedProxies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code java -jar platform/target/platform.jar [--port N] [--data DIR] [--course DIR]
 * [--instructor EMAIL] [--allow-unsandboxed] [--trusted-proxy ADDRESS]...}: starts the web platform and prints its address.
 * Runs until stopped (Ctrl-C); submissions being graded then are graded again at the next start.
 */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the Hotpath web platform: lessons, exercises in the browser, grading, instructors' dashboard.")
public final class Main implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:PORT:-7070}", paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (env PORT; default 7070).")
    private int port;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Where the database lives; created on first start (default ./data).")
    private Path data;

    @Option(names = "--course", defaultValue = ".", paramLabel = "DIR",
            description = "The repository root, holding lessons/ and exercises/ (default: the working directory).")
    private Path course;

    @Option(names = "--instructor", defaultValue = "${env:HOTPATH_INSTRUCTOR_EMAIL}", paramLabel = "EMAIL",
            description = "This account is an instructor: when it signs up, or at start if it exists"
                    + " (env HOTPATH_INSTRUCTOR_EMAIL).")
    private String instructor;

    @Option(names = "--allow-unsandboxed", defaultValue = "${env:HOTPATH_ALLOW_UNSANDBOXED:-false}",
            description = "Grade even when the OS sandbox (bubblewrap) is missing: learners' code then runs with"
                    + " this process's rights. Only where every learner is trusted (env HOTPATH_ALLOW_UNSANDBOXED=true).")
    private boolean allowUnsandboxed;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS",
            description = "The IP address of a reverse proxy in front of the platform (repeatable): only then are its"
                    + " X-Forwarded-For (the client's address, for rate limits) and X-Forwarded-Proto believed.")
    private List<String> trustedProxies = List.of();

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        int exitCode = new CommandLine(new Main()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
        // Exit code 0: the server runs on in its own threads until the JVM is stopped.
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            System.err.println("hotpath: --port must be between 0 and 65535, got " + port);
            return 2;
        }
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(trustedProxies);
        } catch (IllegalArgumentException e) {
            System.err.println("hotpath: " + e.getMessage());
            return 2;
        }
        Platform platform;
        try {
            platform = Platform.start(new Platform.Settings(port, data, course,
                    Optional.ofNullable(instructor).filter(email -> !email.isBlank()), allowUnsandboxed,
                    GradingLimits.DEFAULT, proxies, Throttle.Rules.DEFAULT));
        } catch (CourseContentException e) {
            System.err.println("hotpath: the course in " + course.toAbsolutePath().normalize() + " cannot be served:\n"
                    + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // The port is taken, the data directory is in use by another platform, the sandbox is missing…
            System.err.println("hotpath: cannot start: " + reasons(e));
            if (!allowUnsandboxed && String.valueOf(e.getMessage()).contains("sandbox")) {
                System.err.println("hotpath: install bubblewrap (apt-get install bubblewrap), or, on a machine where"
                        + " every learner is trusted, pass --allow-unsandboxed (or HOTPATH_ALLOW_UNSANDBOXED=true).");
            }
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
        platform.unsandboxedReason().ifPresent(Main::warnUnsandboxed);
        System.out.println("Hotpath is running at http://localhost:" + platform.port() + "/");
        System.out.flush();
        return 0;
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
