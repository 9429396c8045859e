package dev.hotpath.cachekey.workload;

import dev.hotpath.cachekey.PageCache;
import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.workload.RequestStream.Event;
import dev.hotpath.cachekey.workload.RequestStream.Request;
import dev.hotpath.cachekey.workload.RequestStream.Update;

import java.util.List;

/**
 * Serves a {@link RequestStream} through one {@link PageCache} in front of one {@link Origin},
 * checking every page it gets back, and going round the stream again when it reaches the end. The
 * counter probe and the benchmark both use it, so a cache that is fast because it answers wrongly
 * is caught wherever it is measured.
 */
public final class Replay {

    /** The cache capacity the exercise is measured with. */
    public static final int CAPACITY = 1_000;

    private final List<Event> events;
    private final Origin origin;
    private final PageCache cache;
    private int position;
    private long served;
    private long checksum;

    public Replay(RequestStream stream, Origin origin, int capacity) {
        this.events = stream.events();
        this.origin = origin;
        this.cache = new PageCache(origin, capacity);
    }

    /**
     * Serves the next {@code requests} requests, applying the product updates between them.
     *
     * @return a checksum of every page served so far
     * @throws IllegalStateException if the cache answers a request with the wrong page
     */
    public long serve(int requests) {
        for (int done = 0; done < requests; ) {
            Event event = events.get(position);
            position = position + 1 == events.size() ? 0 : position + 1;
            if (event instanceof Request request) {
                served++;
                Page page = cache.get(request.url());
                check(page, request);
                checksum = checksum * 31 + page.etag();
                done++;
            } else {
                String sku = ((Update) event).sku();
                origin.update(sku);
                cache.purge(sku);
            }
        }
        return checksum;
    }

    public long originCalls() {
        return origin.calls();
    }

    private void check(Page page, Request request) {
        String where = "request #" + served + " (" + request.url() + ")";
        if (page == null) {
            throw new IllegalStateException(where + ": the cache returned null");
        }
        if (!page.renderedBy(origin)) {
            throw new IllegalStateException(where + ": the cache returned a page that this cache's origin"
                    + " never rendered (pages must not be shared between PageCache instances)");
        }
        if (!page.spec().equals(request.expected())) {
            throw new IllegalStateException(where + ": expected the page for " + request.expected()
                    + " but the cache returned the page for " + page.spec());
        }
        int current = origin.version(page.spec().sku());
        if (page.version() != current) {
            throw new IllegalStateException(where + ": the cache returned version " + page.version() + " of "
                    + page.spec().sku() + " after the product was updated to version " + current + " and purged");
        }
    }
}
