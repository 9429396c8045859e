package dev.hotpath.cdn.origin;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site's origin server, the expensive thing the CDN protects. It counts every fetch: that count
 * is the cost this exercise is graded on.
 *
 * <p>How the origin renders a request (the exercise README has examples):
 * <ul>
 *   <li>{@code /products/{n}}: in the request's language ({@link #language}); cookies are ignored.
 *       {@code Cache-Control: max-age=60, stale-while-revalidate=30}, {@code Vary: Accept-Language}.</li>
 *   <li>{@code /account}: for the signed-in user of the {@code session} cookie ({@link #user}), or
 *       the anonymous page without one; the language is ignored. {@code max-age=10}, no
 *       stale-while-revalidate, {@code Vary: Cookie}.</li>
 *   <li>{@code /static/...}: the same for everyone. {@code max-age=300, stale-while-revalidate=60}.</li>
 * </ul>
 * A fetch takes {@link #LATENCY_MILLIS} of simulated time: its response is ready that much later.
 * Single-threaded, like the simulation that drives it.
 */
public final class Origin {

    /** Simulated time from the start of a fetch to its answer. */
    public static final long LATENCY_MILLIS = 100;

    /** Rendering work per fetch in the default origin, a stand-in for templates and lookups. */
    public static final int DEFAULT_RENDER_WORK = 80_000;

    private static final List<String> LANGUAGES = List.of("en", "de", "fr");

    private final int renderWork;
    private final Map<String, Integer> versions = new HashMap<>();
    private long fetches;

    public Origin() {
        this(DEFAULT_RENDER_WORK);
    }

    /** @param renderWork units of CPU work per fetch (see {@link #DEFAULT_RENDER_WORK}) */
    public Origin(int renderWork) {
        if (renderWork < 0) {
            throw new IllegalArgumentException("renderWork must not be negative");
        }
        this.renderWork = renderWork;
    }

    /**
     * Renders the page for {@code request}, starting at {@code request.at()}.
     *
     * @throws IllegalArgumentException for a path the site does not have
     */
    public Response fetch(Request request) {
        fetches++;
        String path = request.path();
        String language = "";
        String user = "";
        long maxAge;
        long stale;
        List<String> vary;
        if (path.startsWith("/products/") && path.length() > "/products/".length()) {
            language = language(request.acceptLanguage());
            maxAge = 60_000;
            stale = 30_000;
            vary = List.of("Accept-Language");
        } else if (path.equals("/account")) {
            user = user(request.cookie());
            maxAge = 10_000;
            stale = 0;
            vary = List.of("Cookie");
        } else if (path.startsWith("/static/") && path.length() > "/static/".length()) {
            maxAge = 300_000;
            stale = 60_000;
            vary = List.of();
        } else {
            throw new IllegalArgumentException("no such page: " + path);
        }
        int version = version(path);
        long fingerprint = fingerprint(path + "|" + language + "|" + user + "|" + version);
        return new Response(this, path, language, user, version, request.at(), request.at() + LATENCY_MILLIS,
                maxAge, stale, vary, fingerprint);
    }

    /** How many times {@link #fetch} has been called. */
    public long fetches() {
        return fetches;
    }

    /** The current content version of {@code path}; 1 until its first update. */
    public int version(String path) {
        return versions.getOrDefault(path, 1);
    }

    /** The content of {@code path} changes: from now on the origin renders the next version. */
    public void update(String path) {
        versions.put(path, version(path) + 1);
    }

    /**
     * The language a product page is rendered in: the first entry of {@code Accept-Language} whose
     * primary tag (before any {@code -}, any case) is en, de or fr; q-values are ignored. en when no
     * entry matches or the header is empty. {@code "de-AT,de;q=0.9"} is de, {@code "es-ES,fr;q=0.5"} is fr.
     */
    public static String language(String acceptLanguage) {
        for (String entry : acceptLanguage.split(",", -1)) {
            String tag = entry.strip();
            int semicolon = tag.indexOf(';');
            if (semicolon >= 0) {
                tag = tag.substring(0, semicolon).strip();
            }
            int dash = tag.indexOf('-');
            String primary = (dash >= 0 ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT);
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return "en";
    }

    /**
     * The signed-in user of a {@code Cookie} header: the value of its {@code session} cookie ("" when
     * there is none). Cookies are {@code name=value} pairs separated by {@code ;} and optional spaces,
     * in any order; names are case-sensitive; other cookies ({@code _ga}, {@code theme}) are ignored.
     */
    public static String user(String cookie) {
        for (String pair : cookie.split(";", -1)) {
            String trimmed = pair.strip();
            if (trimmed.startsWith("session=")) {
                return trimmed.substring("session=".length());
            }
        }
        return "";
    }

    private long fingerprint(String content) {
        long h = 1125899906842597L;
        for (int round = 0; round < renderWork; round++) {
            h = 31 * h + content.charAt(round % content.length());
        }
        return h;
    }
}
