package dev.hotpath.platform.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;

/**
 * Every route of the platform, in one place, each with who may use it ({@link Access}). Handlers
 * are small classes per area. Every response carries the {@link SecurityHeaders}. Before any
 * handler runs: the route's access is checked (signed-out
 * visitors of a page are sent to the login page, API clients get 401; non-instructors get 403), and
 * every POST must carry the CSRF token ({@link WebSession}).
 */
final class Routes {

    private Routes() {
    }

    static void register(RoutesConfig routes, Handlers handlers) {
        routes.before(SecurityHeaders::apply);
        routes.beforeMatched(handlers.guard()::check);

        // The course, open to everyone
        routes.get("/", handlers.course()::courseMap, Access.ANYONE);
        routes.get("/lessons/{lesson}", handlers.course()::lesson, Access.ANYONE);
        routes.get("/course-files/<path>", handlers.course()::file, Access.ANYONE);
        routes.get("/assets/{name}", handlers.assets()::serve, Access.ANYONE);

        // Accounts
        routes.get("/signup", handlers.accounts()::signupForm, Access.ANYONE);
        routes.post("/signup", handlers.accounts()::signup, Access.ANYONE);
        routes.get("/login", handlers.accounts()::loginForm, Access.ANYONE);
        routes.post("/login", handlers.accounts()::login, Access.ANYONE);
        routes.post("/logout", handlers.accounts()::logout, Access.ANYONE);

        // Learners: exercises and their submissions
        routes.get("/exercises/{exercise}", handlers.exercises()::page, Access.SIGNED_IN);
        routes.post("/exercises/{exercise}/submissions", handlers.exercises()::submit, Access.SIGNED_IN);
        routes.get("/exercises/{exercise}/history", handlers.exercises()::history, Access.SIGNED_IN);
        routes.get("/submissions/{submission}", handlers.submissions()::page, Access.SIGNED_IN);
        routes.get("/submissions/{submission}/events", handlers.submissions()::events, Access.SIGNED_IN);
        routes.get("/submissions/{submission}/profile", handlers.submissions()::profile, Access.SIGNED_IN);

        // The JSON API (docs/api.md)
        routes.get("/api/session", handlers.api()::currentSession, Access.ANYONE);
        routes.post("/api/session", handlers.api()::logIn, Access.ANYONE);
        routes.post("/api/exercises/{exercise}/submissions", handlers.api()::submit, Access.SIGNED_IN);
        routes.get("/api/submissions/{submission}", handlers.api()::status, Access.SIGNED_IN);
        routes.get("/api/submissions/{submission}/report", handlers.api()::report, Access.SIGNED_IN);

        // Instructors
        routes.get("/instructor", handlers.instructor()::dashboard, Access.INSTRUCTOR);
        routes.get("/instructor/exercises/{exercise}", handlers.instructor()::exercise, Access.INSTRUCTOR);
        routes.get("/instructor/learners/{learner}", handlers.instructor()::learner, Access.INSTRUCTOR);
        routes.get("/instructor/export.csv", handlers.instructor()::export, Access.INSTRUCTOR);
        routes.get("/instructor/exercise-status", handlers.instructor()::exerciseStatus, Access.INSTRUCTOR);
        routes.post("/instructor/exercise-status/{exercise}/validate", handlers.instructor()::validate, Access.INSTRUCTOR);

        routes.exception(HttpProblem.class, handlers.errors()::problem);
        routes.exception(HttpResponseException.class, handlers.errors()::javalin);
        routes.exception(Exception.class, handlers.errors()::unexpected);
    }
}
