package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.SignedIn;
import io.javalin.http.Context;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the Thymeleaf templates of {@code templates/} (the course's own and the platform's
 * {@code web/}) with what every page uses: {@code links}, {@code session} (null when signed out),
 * {@code csrfToken} (the session's; the sign-up and login forms put their own), {@code fmt} and
 * {@code web} (true: the static site leaves it unset).
 * Templates escape everything with {@code th:text}; only the course's own Markdown, rendered by
 * trusted code from trusted files, goes in unescaped.
 */
final class Pages {

    private final TemplateEngine engine = new TemplateEngine();
    private final WebLinks links;
    private final WebSession session;

    Pages(WebLinks links, WebSession session) {
        this.links = links;
        this.session = session;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** Renders {@code template} as this request's HTML response. */
    void render(Context ctx, String template, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>();
        SignedIn signedIn = session.signedIn(ctx).orElse(null);
        all.put("links", links);
        all.put("session", signedIn);
        all.put("csrfToken", signedIn == null ? null : signedIn.csrfToken());
        all.put("fmt", Format.INSTANCE);
        all.put("web", true);
        all.put("path", ctx.path());
        all.putAll(variables);
        ctx.html(engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, all)));
    }
}
