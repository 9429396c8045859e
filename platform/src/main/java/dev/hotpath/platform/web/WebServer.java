package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.Accounts;
import dev.hotpath.platform.auth.FormTokens;
import dev.hotpath.platform.auth.Sessions;
import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.db.DashboardRepository;
import dev.hotpath.platform.db.ProfileRepository;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.db.UserRepository;
import dev.hotpath.platform.grading.ExerciseCatalog;
import dev.hotpath.platform.grading.ExerciseValidations;
import dev.hotpath.platform.grading.GradingService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

/** The platform's HTTP server: Javalin with the platform's {@link Routes}. */
public final class WebServer implements AutoCloseable {

    /** A submission's files are at most a few 256 KiB files; anything far larger is not one. */
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    /** What the handlers work with. */
    public record Services(Course course, ExerciseCatalog catalog, Accounts accounts, Sessions sessions,
                           FormTokens formTokens, TrustedProxies proxies, UserRepository users,
                           SubmissionRepository submissions, ProfileRepository profiles, DashboardRepository dashboard,
                           GradingService grading, ExerciseValidations validations) {
    }

    private final Javalin app;

    public WebServer(Services services) {
        Handlers handlers = handlers(services);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // ctx.json and the event stream write records with Jackson; no virtual threads for streaming.
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            Routes.register(config.routes, handlers);
        });
    }

    /** Starts listening; port 0 picks a free port. @return the port */
    public int start(int port) {
        app.start(port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static Handlers handlers(Services services) {
        WebLinks links = new WebLinks();
        WebSession session = new WebSession(services.sessions(), services.formTokens(), services.proxies());
        Pages pages = new Pages(links, session);
        SubmissionAccess access = new SubmissionAccess(services.submissions(), session);
        ExerciseStatements statements = new ExerciseStatements(services.catalog(), services.course(), links);
        return new Handlers(
                new Guard(session, links),
                new CourseHandlers(services.course(), services.submissions(), session, pages, links),
                new WebAssets(),
                new AccountHandlers(services.accounts(), services.sessions(), session, services.proxies(), pages, links),
                new ExerciseHandlers(services.catalog(), statements, services.submissions(), services.grading(), session,
                        pages, links),
                new SubmissionHandlers(services.submissions(), services.profiles(), services.users(), services.catalog(),
                        services.grading(), access, pages),
                new ApiHandlers(services.accounts(), services.submissions(), services.grading(), access, session,
                        services.proxies(), links),
                new InstructorHandlers(services.catalog(), services.dashboard(), services.submissions(), services.users(),
                        services.validations(), pages, links),
                new ErrorResponses(pages));
    }
}
