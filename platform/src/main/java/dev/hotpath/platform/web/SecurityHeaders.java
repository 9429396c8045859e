package dev.hotpath.platform.web;

import io.javalin.http.Context;

/**
 * Headers that make the browser a second line of defence. Every script is a file of our own (no
 * inline script anywhere), so the content security policy allows scripts from this site only: even
 * markup that slipped past escaping could not run. Pages may not be framed by other sites.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }
}
