package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.AccountException;
import dev.hotpath.platform.auth.Accounts;
import dev.hotpath.platform.auth.Sessions;
import dev.hotpath.platform.auth.TooManyAttemptsException;
import dev.hotpath.platform.auth.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sign up, log in, log out, the account page and "sign out everywhere". Signing up makes the account
 * and sends its owner to log in (it never signs in: see {@link Accounts}); after logging in the
 * learner lands where they were going.
 */
final class AccountHandlers {

    /** What the login page may announce; {@code ?notice=} names one, so the page never shows text from the address. */
    private static final Map<String, String> NOTICES = Map.of(
            "signed-up", "Your account is ready if this email was new: log in with the password you chose.",
            "signed-out-everywhere", "You are signed out everywhere: every session of your account has ended.");

    private final Accounts accounts;
    private final Sessions sessions;
    private final WebSession session;
    private final TrustedProxies proxies;
    private final Pages pages;
    private final WebLinks links;

    AccountHandlers(Accounts accounts, Sessions sessions, WebSession session, TrustedProxies proxies, Pages pages,
                    WebLinks links) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.session = session;
        this.proxies = proxies;
        this.pages = pages;
        this.links = links;
    }

    void signupForm(Context ctx) {
        renderForm(ctx, "web/signup", 200, "", "", "");
    }

    void signup(Context ctx) {
        String email = ctx.formParam("email");
        String name = ctx.formParam("name");
        try {
            accounts.signUp(email, name, ctx.formParam("password"), proxies.clientKey(ctx));
            ctx.redirect(links.loginNotice("signed-up", next(ctx)), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            renderForm(ctx, "web/signup", 400, Objects.requireNonNullElse(e.getMessage(), e.toString()), email, name);
        } catch (TooManyAttemptsException e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            renderForm(ctx, "web/signup", 429, Objects.requireNonNullElse(e.getMessage(), e.toString()), email, name);
        }
    }

    void loginForm(Context ctx) {
        renderForm(ctx, "web/login", 200, "", "", "");
    }

    void login(Context ctx) {
        String email = ctx.formParam("email");
        try {
            User user = accounts.logIn(email, ctx.formParam("password"), proxies.clientKey(ctx));
            session.open(ctx, user, "on".equals(ctx.formParam("end_others")));
            ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            renderForm(ctx, "web/login", 401, Objects.requireNonNullElse(e.getMessage(), e.toString()), email, "");
        } catch (TooManyAttemptsException e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            renderForm(ctx, "web/login", 429, Objects.requireNonNullElse(e.getMessage(), e.toString()), email, "");
        }
    }

    void logout(Context ctx) {
        session.close(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void account(Context ctx) {
        pages.render(ctx, "web/account", Map.of("openSessions", sessions.countOpen(session.user(ctx))));
    }

    void signOutEverywhere(Context ctx) {
        session.closeEverywhere(ctx);
        ctx.redirect(links.loginNotice("signed-out-everywhere", "/"), HttpStatus.SEE_OTHER);
    }

    private void renderForm(Context ctx, String template, int status, String error, String email, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("notice", NOTICES.getOrDefault(String.valueOf(ctx.queryParam("notice")), ""));
        model.put("email", email == null ? "" : email);
        model.put("name", name == null ? "" : name);
        model.put("next", next(ctx));
        // Signed out, the form's token is bound to the form cookie, set here if this visitor has none yet.
        model.put("csrfToken", session.csrfToken(ctx));
        ctx.status(status);
        pages.render(ctx, template, model);
    }

    /** Where to go after signing in: the {@code next} parameter when it is a path on this site, else the course map. */
    static String next(Context ctx) {
        String next = ctx.queryParam("next");
        if (next == null && ctx.isFormUrlencoded()) {
            next = ctx.formParam("next");
        }
        return isLocalPath(next) ? next : "/";
    }

    /**
     * A path on this site and nothing else: printable ASCII only (browsers drop tabs and line breaks
     * inside addresses, so {@code /<TAB>/evil} would become {@code //evil}), no backslash
     * ({@code /\evil} is {@code //evil} to them too), and a relative URI with neither scheme nor
     * host ({@code //evil.example}, {@code https://...}).
     */
    private static boolean isLocalPath(String target) {
        if (target == null || !target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == '\\')) {
            return false;
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath().startsWith("/")
                    && !target.startsWith("//");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
