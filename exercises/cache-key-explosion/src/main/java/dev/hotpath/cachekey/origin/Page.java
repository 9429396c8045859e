package dev.hotpath.cachekey.origin;

/**
 * A rendered product page. Only the {@link Origin} creates pages, so a cache can hand out only pages
 * the origin really rendered.
 */
public final class Page {

    private final Origin origin;
    private final PageSpec spec;
    private final int version;
    private final String body;
    private final long etag;

    Page(Origin origin, PageSpec spec, int version, String body, long etag) {
        this.origin = origin;
        this.spec = spec;
        this.version = version;
        this.body = body;
        this.etag = etag;
    }

    /** What this page was rendered for. */
    public PageSpec spec() {
        return spec;
    }

    /** The product version this page shows; {@link Origin#update(String)} increments it. */
    public int version() {
        return version;
    }

    /** The rendered HTML. */
    public String body() {
        return body;
    }

    /** A fingerprint of the rendered content. */
    public long etag() {
        return etag;
    }

    /** Whether {@code candidate} rendered this page (pages from another origin instance are not its pages). */
    public boolean renderedBy(Origin candidate) {
        return origin == candidate;
    }

    @Override
    public String toString() {
        return spec + " v" + version;
    }
}
