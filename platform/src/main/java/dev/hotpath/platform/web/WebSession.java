package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.Sessions;
import dev.hotpath.platform.auth.SignedIn;
import dev.hotpath.platform.auth.Tokens;
import dev.hotpath.platform.auth.User;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Sessions and CSRF protection as they meet HTTP. The session cookie is HttpOnly and SameSite=Lax.
 * Every state-changing request carries a CSRF token, in the form field {@value #CSRF_FIELD} or the
 * header {@value #CSRF_HEADER}: a signed-in session's own token, kept with it in the database; before
 * signing in (the login and sign-up forms), the value of the {@value #FORM_COOKIE} cookie, which a
 * page of another site can neither read nor set.
 */
final class WebSession {

    static final String SESSION_COOKIE = "hotpath_session";
    static final String FORM_COOKIE = "hotpath_form";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String RESOLVED = WebSession.class.getName() + ".signedIn";

    private final Sessions sessions;

    WebSession(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Who is signed in on this request; looked up once per request. */
    Optional<SignedIn> signedIn(Context ctx) {
        Optional<SignedIn> resolved = ctx.attribute(RESOLVED);
        if (resolved == null) {
            resolved = sessions.resolve(ctx.cookie(SESSION_COOKIE));
            ctx.attribute(RESOLVED, resolved);
        }
        return resolved;
    }

    /** The signed-in user; {@link Routes} lets only signed-in requests reach the handlers that ask. */
    User user(Context ctx) {
        return signedIn(ctx).orElseThrow(() -> new IllegalStateException(ctx.path() + " is served without a session"))
                .user();
    }

    void open(Context ctx, User user) {
        Sessions.Opened opened = sessions.open(user);
        setCookie(ctx, SESSION_COOKIE, opened.token(), Sessions.LIFETIME.toSeconds());
        ctx.attribute(RESOLVED, Optional.of(opened.signedIn()));
    }

    void close(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.attribute(RESOLVED, Optional.empty());
    }

    /** The token this request's forms must send back; before signing in it sets the form cookie if needed. */
    String csrfToken(Context ctx) {
        Optional<SignedIn> signedIn = signedIn(ctx);
        if (signedIn.isPresent()) {
            return signedIn.get().csrfToken();
        }
        String token = ctx.cookie(FORM_COOKIE);
        if (token == null || token.isEmpty()) {
            token = Tokens.random();
            setCookie(ctx, FORM_COOKIE, token, -1);
        }
        return token;
    }

    /** @throws HttpProblem 403 unless the request carries this session's CSRF token */
    void checkCsrf(Context ctx) {
        String expected = signedIn(ctx).map(SignedIn::csrfToken).orElseGet(() -> ctx.cookie(FORM_COOKIE));
        String given = ctx.header(CSRF_HEADER);
        if (given == null && ctx.isFormUrlencoded()) {
            given = ctx.formParam(CSRF_FIELD);
        }
        if (!Tokens.same(expected, given)) {
            throw HttpProblem.forbidden("This request was refused because it did not carry this page's security token"
                    + " (CSRF protection). Reload the page and try again.");
        }
    }

    /** @param maxAgeSeconds -1 for a cookie that lasts as long as the browser session */
    private static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (isHttps(ctx)) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    /** Behind a TLS-terminating proxy the request arrives as plain HTTP; the proxy says so in a header. */
    private static boolean isHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
