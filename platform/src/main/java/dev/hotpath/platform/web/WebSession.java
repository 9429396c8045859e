package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.FormTokens;
import dev.hotpath.platform.auth.Sessions;
import dev.hotpath.platform.auth.SignedIn;
import dev.hotpath.platform.auth.Tokens;
import dev.hotpath.platform.auth.User;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions and CSRF protection as they meet HTTP (docs/security.md, "The web platform").
 *
 * <p>Cookies are {@code __Host-} cookies: Secure, Path=/, no Domain, so a browser accepts them only
 * from this very host over a secure origin, and no other page (a sibling subdomain, a path-scoped
 * cookie from another port) can plant one that shadows ours. They are HttpOnly and SameSite=Lax.
 * Browsers keep Secure cookies over HTTPS and on loopback hosts ({@code http://localhost}); anywhere
 * else over plain HTTP they drop them, so this server refuses to set them there, saying why.
 *
 * <p>Every state-changing request carries a CSRF token, in the form field {@value #CSRF_FIELD} or the
 * header {@value #CSRF_HEADER}: a signed-in session's own token, kept with it in the database; before
 * signing in (the login and sign-up forms), the HMAC of the {@value #FORM_COOKIE} cookie's
 * pre-session id ({@link FormTokens}). Browsers also say where a request came from
 * ({@code Sec-Fetch-Site}): a POST from another origin, even of the same site, is refused.
 */
final class WebSession {

    static final String SESSION_COOKIE = "__Host-hotpath_session";
    static final String FORM_COOKIE = "__Host-hotpath_form";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String RESOLVED = WebSession.class.getName() + ".signedIn";
    /** What Sec-Fetch-Site says of a request from another origin: another port or subdomain, or another site. */
    private static final Set<String> FOREIGN_ORIGINS = Set.of("same-site", "cross-site");

    private final Sessions sessions;
    private final FormTokens formTokens;
    private final TrustedProxies proxies;

    WebSession(Sessions sessions, FormTokens formTokens, TrustedProxies proxies) {
        this.sessions = sessions;
        this.formTokens = formTokens;
        this.proxies = proxies;
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

    /**
     * @throws BadRequestResponse when the request carries a cookie of ours twice: one of them was planted
     *                     (a browser sends one per name for this host and path), and which one is the
     *                     visitor's own cannot be told. Both are cleared; the visitor logs in again.
     */
    void refuseDuplicateCookies(Context ctx) {
        HttpServletRequest request = ctx.req();
        for (String name : new String[] {SESSION_COOKIE, FORM_COOKIE}) {
            long count = request.getCookies() == null ? 0
                    : Arrays.stream(request.getCookies()).filter(cookie -> cookie.getName().equals(name)).count();
            if (count > 1) {
                ctx.attribute(RESOLVED, Optional.empty());
                if (proxies.isSecureOrigin(ctx)) {
                    setCookie(ctx, name, "", 0);
                }
                throw new BadRequestResponse("Your browser sent two Hotpath session cookies, so another page may have"
                        + " planted one. Both were cleared: log in again.");
            }
        }
    }

    /** Signs {@code user} in on this browser; with {@code endOthers}, every other session of theirs ends. */
    void open(Context ctx, User user, boolean endOthers) {
        requireSecureOrigin(ctx);
        Sessions.Opened opened = sessions.open(user);
        if (endOthers) {
            sessions.closeOthers(user, opened.token());
        }
        setCookie(ctx, SESSION_COOKIE, opened.token(), (int) Sessions.LIFETIME.toSeconds());
        ctx.attribute(RESOLVED, Optional.of(opened.signedIn()));
    }

    void close(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        forget(ctx);
    }

    /** Ends every session of the signed-in user, this one too. */
    void closeEverywhere(Context ctx) {
        sessions.closeAll(user(ctx));
        forget(ctx);
    }

    /** The token this request's forms must send back; before signing in it sets the form cookie if needed. */
    String csrfToken(Context ctx) {
        Optional<SignedIn> signedIn = signedIn(ctx);
        if (signedIn.isPresent()) {
            return signedIn.get().csrfToken();
        }
        String preSession = ctx.cookie(FORM_COOKIE);
        if (preSession == null || preSession.isEmpty()) {
            requireSecureOrigin(ctx);
            preSession = Tokens.random();
            setCookie(ctx, FORM_COOKIE, preSession, -1);
        }
        return formTokens.token(preSession);
    }

    /** @throws ForbiddenResponse unless the request comes from our own pages (or no browser) with this session's CSRF token */
    void checkCsrf(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && FOREIGN_ORIGINS.contains(fetchSite)) {
            throw new ForbiddenResponse("This request was refused because it came from another web page"
                    + " (" + fetchSite + "), not from this site's own pages.");
        }
        String given = ctx.header(CSRF_HEADER);
        if (given == null && ctx.isFormUrlencoded()) {
            given = ctx.formParam(CSRF_FIELD);
        }
        Optional<SignedIn> signedIn = signedIn(ctx);
        boolean valid = signedIn.isPresent()
                ? Tokens.same(signedIn.get().csrfToken(), given)
                : formTokens.matches(ctx.cookie(FORM_COOKIE), given);
        if (!valid) {
            throw new ForbiddenResponse("This request was refused because it did not carry this page's security token"
                    + " (CSRF protection). Reload the page and try again.");
        }
    }

    private void forget(Context ctx) {
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.attribute(RESOLVED, Optional.empty());
    }

    /**
     * @throws BadRequestResponse on plain HTTP to a host that is not loopback: the browser would drop our
     *                     Secure cookies, and signing in would fail without a word
     */
    private void requireSecureOrigin(Context ctx) {
        if (!proxies.isSecureOrigin(ctx)) {
            throw new BadRequestResponse("Signing in needs HTTPS: this page was reached over plain HTTP, where"
                    + " browsers refuse secure session cookies. Open it with https:// (the operator puts an HTTPS proxy"
                    + " in front and starts the platform with --trusted-proxy), or on this machine as http://localhost.");
        }
    }

    /** @param maxAgeSeconds -1 for a cookie that lasts as long as the browser session, 0 to delete it */
    private static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.cookie(new Cookie(name, value, "/", maxAgeSeconds, true, true, null, SameSite.LAX));
    }
}
