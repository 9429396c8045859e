package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.AccountException;
import dev.hotpath.platform.auth.Accounts;
import dev.hotpath.platform.auth.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;

/** Sign up, log in, log out. After either form the learner lands where they were going. */
final class AccountHandlers {

    private final Accounts accounts;
    private final WebSession session;
    private final Pages pages;

    AccountHandlers(Accounts accounts, WebSession session, Pages pages) {
        this.accounts = accounts;
        this.session = session;
        this.pages = pages;
    }

    void signupForm(Context ctx) {
        renderForm(ctx, "web/signup", 200, "", "", "");
    }

    void signup(Context ctx) {
        String email = ctx.formParam("email");
        String name = ctx.formParam("name");
        try {
            User user = accounts.signUp(email, name, ctx.formParam("password"));
            session.open(ctx, user);
            ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            renderForm(ctx, "web/signup", 400, e.getMessage(), email, name);
        }
    }

    void loginForm(Context ctx) {
        renderForm(ctx, "web/login", 200, "", "", "");
    }

    void login(Context ctx) {
        String email = ctx.formParam("email");
        try {
            User user = accounts.logIn(email, ctx.formParam("password"));
            session.open(ctx, user);
            ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            renderForm(ctx, "web/login", 401, e.getMessage(), email, "");
        }
    }

    void logout(Context ctx) {
        session.close(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void renderForm(Context ctx, String template, int status, String error, String email, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("email", email == null ? "" : email);
        model.put("name", name == null ? "" : name);
        model.put("next", next(ctx));
        // Signed out, the form's token is the form cookie's, set here if this visitor has none yet.
        model.put("csrfToken", session.csrfToken(ctx));
        ctx.status(status);
        pages.render(ctx, template, model);
    }

    /**
     * Where to go after signing in: the {@code next} parameter when it is a path on this site, else the
     * course map. Anything else ({@code //evil.example}, {@code https://...}) would make the form an
     * open redirect.
     */
    static String next(Context ctx) {
        String next = ctx.queryParam("next");
        if (next == null && ctx.isFormUrlencoded()) {
            next = ctx.formParam("next");
        }
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\");
        return local ? next : "/";
    }
}
