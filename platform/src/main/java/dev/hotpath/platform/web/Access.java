package dev.hotpath.platform.web;

import io.javalin.security.RouteRole;

/** Who may use a route; {@link Routes} gives every route exactly one. */
enum Access implements RouteRole {
    /** Anyone, signed in or not. */
    ANYONE,
    /** Any signed-in account. */
    SIGNED_IN,
    /** Instructor accounts only. */
    INSTRUCTOR
}
