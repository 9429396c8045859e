package dev.hotpath.cdn.origin;

import java.util.List;

/**
 * A page as the origin rendered it, with the caching headers it was sent with. Only the origin makes
 * responses: a cache can keep and pass them on, not forge them.
 */
public final class Response {

    private final Origin origin;
    private final String path;
    private final String language;
    private final String user;
    private final int version;
    private final long renderedAt;
    private final long readyAt;
    private final long maxAgeMillis;
    private final long staleWhileRevalidateMillis;
    private final List<String> vary;
    private final long fingerprint;

    Response(Origin origin, String path, String language, String user, int version, long renderedAt, long readyAt,
             long maxAgeMillis, long staleWhileRevalidateMillis, List<String> vary, long fingerprint) {
        this.origin = origin;
        this.path = path;
        this.language = language;
        this.user = user;
        this.version = version;
        this.renderedAt = renderedAt;
        this.readyAt = readyAt;
        this.maxAgeMillis = maxAgeMillis;
        this.staleWhileRevalidateMillis = staleWhileRevalidateMillis;
        this.vary = List.copyOf(vary);
        this.fingerprint = fingerprint;
    }

    public String path() {
        return path;
    }

    /** The language the page is written in (en, de or fr); "" for pages that do not vary on it. */
    public String language() {
        return language;
    }

    /** The signed-in user the page was rendered for; "" for anonymous visitors and for shared pages. */
    public String user() {
        return user;
    }

    /** The content version of {@link #path()} when it was rendered. */
    public int version() {
        return version;
    }

    /** When the origin rendered it (the start of the fetch); its age is measured from here. */
    public long renderedAt() {
        return renderedAt;
    }

    /** When the fetch's answer arrives: a request that joins a fetch in flight gets it then. */
    public long readyAt() {
        return readyAt;
    }

    /** {@code Cache-Control: max-age}: fresh while its age is at most this. */
    public long maxAgeMillis() {
        return maxAgeMillis;
    }

    /** {@code stale-while-revalidate}: how much longer it may be served stale while one refresh is under way. */
    public long staleWhileRevalidateMillis() {
        return staleWhileRevalidateMillis;
    }

    /** The {@code Vary} header: the request headers the page depends on, besides its path. */
    public List<String> vary() {
        return vary;
    }

    /** A checksum of the rendered body. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Whether {@code origin} rendered this response. */
    public boolean renderedBy(Origin origin) {
        return this.origin == origin;
    }

    @Override
    public String toString() {
        return path + (language.isEmpty() ? "" : " [" + language + "]") + (user.isEmpty() ? "" : " for " + user)
                + " v" + version + " rendered at " + renderedAt + " ms";
    }
}
