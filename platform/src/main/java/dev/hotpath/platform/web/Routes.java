package dev.hotpath.platform.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

/**
 * Every route of the platform, in one place, each with who may use it ({@link Access}). Handlers
 * are small classes per area. Every response carries the {@link SecurityHeaders}. Before any
 * handler runs: the route's access is checked (signed-out
 * visitors of a page are sent to the login page, API clients get 401; non-instructors get 403), and
 * every POST must carry the CSRF token ({@link WebSession}). Every page answers HEAD as it answers GET,
 * headers without the body.
 */
final class Routes {

    private Routes() {
    }

    static void register(RoutesConfig routes, Handlers handlers) {
        routes.before(SecurityHeaders::apply);
        routes.before(SecurityHeaders::noStoreIfPersonal);
        routes.beforeMatched(handlers.guard()::check);

        // The course, open to everyone
        get(routes, "/", handlers.course()::courseMap, Access.ANYONE);
        get(routes, "/lessons/{lesson}", handlers.course()::lesson, Access.ANYONE);
        get(routes, "/course-files/<path>", handlers.course()::file, Access.ANYONE);
        get(routes, "/assets/{name}", handlers.assets()::serve, Access.ANYONE);

        // Accounts
        get(routes, "/signup", handlers.accounts()::signupForm, Access.ANYONE);
        routes.post("/signup", handlers.accounts()::signup, Access.ANYONE);
        get(routes, "/login", handlers.accounts()::loginForm, Access.ANYONE);
        routes.post("/login", handlers.accounts()::login, Access.ANYONE);
        routes.post("/logout", handlers.accounts()::logout, Access.ANYONE);
        get(routes, "/account", handlers.accounts()::account, Access.SIGNED_IN);
        routes.post("/account/sign-out-everywhere", handlers.accounts()::signOutEverywhere, Access.SIGNED_IN);

        // Learners: exercises and their submissions
        get(routes, "/exercises/{exercise}", handlers.exercises()::page, Access.SIGNED_IN);
        routes.post("/exercises/{exercise}/submissions", handlers.exercises()::submit, Access.SIGNED_IN);
        get(routes, "/exercises/{exercise}/history", handlers.exercises()::history, Access.SIGNED_IN);
        get(routes, "/submissions/{submission}", handlers.submissions()::page, Access.SIGNED_IN);
        get(routes, "/submissions/{submission}/events", handlers.submissions()::events, Access.SIGNED_IN);
        get(routes, "/submissions/{submission}/profile", handlers.submissions()::profile, Access.SIGNED_IN);

        // The JSON API (docs/api.md)
        get(routes, "/api/session", handlers.api()::currentSession, Access.ANYONE);
        routes.post("/api/session", handlers.api()::logIn, Access.ANYONE);
        routes.post("/api/exercises/{exercise}/submissions", handlers.api()::submit, Access.SIGNED_IN);
        get(routes, "/api/submissions/{submission}", handlers.api()::status, Access.SIGNED_IN);
        get(routes, "/api/submissions/{submission}/report", handlers.api()::report, Access.SIGNED_IN);

        // Instructors
        get(routes, "/instructor", handlers.instructor()::dashboard, Access.INSTRUCTOR);
        get(routes, "/instructor/exercises/{exercise}", handlers.instructor()::exercise, Access.INSTRUCTOR);
        get(routes, "/instructor/learners/{learner}", handlers.instructor()::learner, Access.INSTRUCTOR);
        get(routes, "/instructor/export.csv", handlers.instructor()::export, Access.INSTRUCTOR);
        get(routes, "/instructor/exercise-status", handlers.instructor()::exerciseStatus, Access.INSTRUCTOR);
        routes.post("/instructor/exercise-status/{exercise}/validate", handlers.instructor()::validate, Access.INSTRUCTOR);

        routes.exception(HttpResponseException.class, handlers.errors()::refused);
        routes.exception(Exception.class, handlers.errors()::unexpected);
    }

    /** GET and HEAD alike: Jetty sends a HEAD answer's headers and drops its body. */
    private static void get(RoutesConfig routes, String path, Handler handler, Access access) {
        routes.get(path, handler, access);
        routes.head(path, handler, access);
    }
}
