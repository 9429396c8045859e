package dev.hotpath.cachekey.workload;

import dev.hotpath.cachekey.PageCache;
import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.workload.RequestStream.Event;
import dev.hotpath.cachekey.workload.RequestStream.Request;
import dev.hotpath.cachekey.workload.RequestStream.Update;

import java.util.List;

/**
 * Replays a {@link RequestStream} through a fresh {@link PageCache} in front of a fresh
 * {@link Origin}, checking every page it gets back. The counter probe and the benchmark both use it,
 * so a cache that answers fast but wrong is caught wherever it is measured.
 */
public final class Replay {

    /** The cache capacity the exercise is measured with. */
    public static final int CAPACITY = 1_000;

    /** What a replay cost and produced. */
    public record Result(long originCalls, long checksum) {
    }

    private Replay() {
    }

    public static Result run(RequestStream stream) {
        return run(stream, new Origin(), CAPACITY);
    }

    public static Result run(RequestStream stream, Origin origin, int capacity) {
        PageCache cache = new PageCache(origin, capacity);
        List<Event> events = stream.events();
        long checksum = 0;
        int request = 0;
        for (Event event : events) {
            if (event instanceof Request r) {
                request++;
                Page page = cache.get(r.url());
                check(page, r, origin, request);
                checksum = checksum * 31 + page.etag();
            } else {
                String sku = ((Update) event).sku();
                origin.update(sku);
                cache.purge(sku);
            }
        }
        return new Result(origin.calls(), checksum);
    }

    private static void check(Page page, Request request, Origin origin, int number) {
        String where = "request #" + number + " (" + request.url() + ")";
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
