package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;

import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route: planted duplicate cookies are refused, then access by
 * {@link Access}, then CSRF for every POST.
 */
final class Guard {

    private final WebSession session;
    private final WebLinks links;

    Guard(WebSession session, WebLinks links) {
        this.session = session;
        this.links = links;
    }

    void check(Context ctx) {
        session.refuseDuplicateCookies(ctx);
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.size() != 1) {
            throw new IllegalStateException(ctx.path() + " must be registered in Routes with exactly one Access");
        }
        Access access = (Access) roles.iterator().next();
        if (access != Access.ANYONE) {
            Optional<SignedIn> signedIn = session.signedIn(ctx);
            if (signedIn.isEmpty()) {
                refuseSignedOut(ctx);
                return;
            }
            if (access == Access.INSTRUCTOR && !signedIn.get().user().isInstructor()) {
                throw new ForbiddenResponse("This page is for instructors.");
            }
        }
        if (HandlerType.POST.equals(ctx.method())) {
            session.checkCsrf(ctx);
        }
    }

    /** A page sends the visitor to log in and come back; the API answers 401. */
    private void refuseSignedOut(Context ctx) {
        if (ErrorResponses.isApi(ctx) || (!HandlerType.GET.equals(ctx.method()) && !HandlerType.HEAD.equals(ctx.method()))) {
            throw new UnauthorizedResponse("Log in first: this needs a signed-in account.");
        }
        String back = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        ctx.redirect(links.login(back), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }
}
