package dev.hotpath.platform.web;

import io.javalin.http.Context;

import java.util.Set;

/**
 * Headers that make the browser a second line of defence, and keep personal pages out of caches. Every script is a file of our own (no
 * inline script anywhere), so the content security policy allows scripts from this site only: even
 * markup that slipped past escaping could not run. Pages may not be framed by other sites.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Pages that carry a token or personal data even before a session cookie exists. */
    private static final Set<String> PRIVATE_PAGES = Set.of("/login", "/signup", "/account");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    /**
     * {@code Cache-Control: no-store} on every answer to a signed-in browser (its pages show its name,
     * code and verdicts), on the API (sessions, tokens, submissions) and on the account forms (their
     * tokens): no shared cache keeps them, and the browser does not show them from its history
     * after logging out. Static files set their own caching over this.
     */
    static void noStoreIfPersonal(Context ctx) {
        if (ctx.cookie(WebSession.SESSION_COOKIE) != null || ErrorResponses.isApi(ctx) || PRIVATE_PAGES.contains(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
