package dev.hotpath.platform;

import dev.hotpath.grader.Grader;
import dev.hotpath.grader.ValidationReport;
import dev.hotpath.grader.Validator;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.Sandbox;
import dev.hotpath.platform.auth.Accounts;
import dev.hotpath.platform.auth.FormTokens;
import dev.hotpath.platform.auth.PasswordHasher;
import dev.hotpath.platform.auth.Sessions;
import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.auth.Tokens;
import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.CourseContentException;
import dev.hotpath.platform.db.DashboardRepository;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.db.SecretRepository;
import dev.hotpath.platform.db.SessionRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.ThrottleRepository;
import dev.hotpath.platform.db.UserRepository;
import dev.hotpath.platform.db.WorkerRepository;
import dev.hotpath.platform.db.ValidationRepository;
import dev.hotpath.platform.grading.ExerciseCatalog;
import dev.hotpath.platform.grading.ExerciseValidations;
import dev.hotpath.platform.grading.GradeFunction;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.grading.QueueTiming;
import dev.hotpath.platform.grading.QueuedGradingService;
import dev.hotpath.platform.web.TrustedProxies;
import dev.hotpath.platform.web.WebServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * The running platform: the course, the database, the grading queue and (unless a worker) the web server,
 * started in that order and closed in reverse. {@link Main} starts it from the command line; tests start it
 * in-process on port 0.
 */
public final class Platform implements AutoCloseable {

    /**
     * How this process runs.
     *
     * @param port             0 picks a free port; unused by a worker
     * @param database         the embedded H2 database in a data directory, or a shared one (PostgreSQL)
     * @param courseDir        the repository root, holding {@code lessons/} and {@code exercises/}
     * @param allowUnsandboxed grade even where the OS sandbox is unavailable (docs/security.md)
     * @param limits           the queue's caps, and how many gradings this process runs at once (0: none)
     * @param trustedProxies   whose X-Forwarded-For and X-Forwarded-Proto to believe (none by default)
     * @param throttling       how often logins and sign-ups may be tried
     */
    public record Settings(int port, Database.Location database, Path courseDir, Optional<String> instructorEmail,
                           boolean allowUnsandboxed, GradingLimits limits, QueueTiming timing,
                           TrustedProxies trustedProxies, Throttle.Rules throttling) {

        /** One machine: the embedded database in {@code dataDir}, default queue timing, no proxy. */
        public Settings(int port, Path dataDir, Path courseDir, Optional<String> instructorEmail,
                        boolean allowUnsandboxed, GradingLimits limits) {
            this(port, Database.Location.embedded(dataDir), courseDir, instructorEmail, allowUnsandboxed, limits,
                    QueueTiming.DEFAULT, TrustedProxies.NONE, Throttle.Rules.DEFAULT);
        }
    }

    /** What this process runs: the web server (which also grades unless its slots are 0), or grading only. */
    public enum Role { SERVE, WORKER }

    /** What grading needs of the grader: {@code Grader::gradeAndProfile} and {@code Validator::validate} in production. */
    public record GraderFunctions(GradeFunction grade, Function<Exercise, ValidationReport> validate) {
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final int port;
    private final Optional<String> unsandboxedReason;

    private Platform(Role role, Settings settings, Optional<Grader> grader, GraderFunctions functions)
            throws CourseContentException {
        grader.ifPresent(started::push);
        try {
            Course course = Course.load(settings.courseDir().resolve("lessons"), settings.courseDir().resolve("exercises"));
            ExerciseCatalog catalog = ExerciseCatalog.load(course, settings.courseDir().resolve("exercises"));
            Database database = push(Database.open(settings.database(), poolSize(role, settings.limits())));
            Clock clock = Clock.systemUTC();
            SubmissionRepository submissions = new SubmissionRepository(database.sql());
            ProfileRepository profiles = new ProfileRepository(database.sql());
            QueuedGradingService grading = push(new QueuedGradingService(submissions,
                    new WorkerRepository(database.sql()), profiles, catalog, functions.grade(), settings.limits(),
                    settings.timing(), clock));
            grading.start();
            this.unsandboxedReason = grader.flatMap(Grader::unsandboxedReason);
            if (role == Role.WORKER) {
                this.port = -1;
                return;
            }
            UserRepository users = new UserRepository(database.sql());
            Throttle throttle = new Throttle(new ThrottleRepository(database.sql()), settings.throttling(), clock);
            throttle.forgetOld();
            Accounts accounts = new Accounts(users, new PasswordHasher(), settings.instructorEmail(), throttle, clock);
            accounts.promoteInstructor();
            Sessions sessions = new Sessions(new SessionRepository(database.sql()), clock);
            sessions.deleteExpired();
            FormTokens formTokens = new FormTokens(new SecretRepository(database.sql())
                    .secret("form-tokens", Tokens.random(), clock.instant()));
            ExerciseValidations validations = push(new ExerciseValidations(new ValidationRepository(database.sql()),
                    functions.validate(), clock));
            WebServer web = push(new WebServer(new WebServer.Services(course, catalog, accounts, sessions, formTokens,
                    settings.trustedProxies(), users, submissions, profiles, new DashboardRepository(database.sql()),
                    grading, validations)));
            this.port = web.start(settings.port());
        } catch (CourseContentException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Connections this process needs at most: each grading slot holds one briefly per progress step and the
     * heartbeat one; a web node's requests and event streams need more. PostgreSQL allows 100 by default for
     * all nodes together (docs/deploy.md).
     */
    private static int poolSize(Role role, GradingLimits limits) {
        return (role == Role.SERVE ? 10 : 2) + 2 * limits.workers();
    }

    /**
     * Starts the platform with the real grader, sandboxed unless {@code allowUnsandboxed}.
     *
     * @throws IllegalStateException    if the sandbox is required but unavailable, with the reason
     * @throws CourseContentException   if the course content has problems, each listed
     * @throws dev.hotpath.platform.db.DatabaseUnavailableException if the database cannot be used, with the reason
     */
    public static Platform start(Role role, Settings settings) throws CourseContentException {
        // The grader works under the system's temporary directory, as its command line does: sandboxed child
        // JVMs run as another user, who must be able to reach that directory, and a data directory under a
        // home folder (mode 700) would lock them out.
        Grader grader = new Grader(Path.of(System.getProperty("java.io.tmpdir")),
                settings.allowUnsandboxed() ? Sandbox.Mode.IF_AVAILABLE : Sandbox.Mode.REQUIRED);
        GraderFunctions functions = new GraderFunctions(grader::gradeAndProfile,
                exercise -> new Validator(grader).validate(exercise, Validator.Progress.NONE));
        // On failure the constructor closes everything it was given, the grader included.
        return new Platform(role, settings, Optional.of(grader), functions);
    }

    /** Starts the web platform (grading too) with the real grader. */
    public static Platform start(Settings settings) throws CourseContentException {
        return start(Role.SERVE, settings);
    }

    /** Starts the platform grading with {@code functions} instead of the grader: for tests of everything else. */
    public static Platform start(Role role, Settings settings, GraderFunctions functions) throws CourseContentException {
        return new Platform(role, settings, Optional.empty(), functions);
    }

    /** As {@link #start(Role, Settings, GraderFunctions)}, serving the web. */
    public static Platform start(Settings settings, GraderFunctions functions) throws CourseContentException {
        return start(Role.SERVE, settings, functions);
    }

    /** The web server's port; -1 for a worker. */
    public int port() {
        return port;
    }

    /** Why grading runs without the OS sandbox, when it does. */
    public Optional<String> unsandboxedReason() {
        return unsandboxedReason;
    }

    private <T extends AutoCloseable> T push(T resource) {
        started.push(resource);
        return resource;
    }

    /** Stops the web server, the grading workers and the database, and deletes the grader's work directory. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("hotpath: while stopping: " + e);
            }
        }
    }
}
