package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import dev.hotpath.cdn.origin.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CDN: edge locations that answer requests from their caches, in front of one origin. The
 * simulation calls it from one thread, in order of simulated time.
 *
 * <p>The contract (the README has the details):
 * <ul>
 *   <li>{@link #get} answers every request with a response the origin rendered: for the request's
 *       path, in its language where the page varies on the language, for its signed-in user where
 *       it varies on the cookie.</li>
 *   <li>A response may be served while its age ({@code request.at() - renderedAt()}) is at most
 *       {@code maxAgeMillis()}; up to {@code staleWhileRevalidateMillis()} longer while one refresh
 *       of it is under way, never later.</li>
 *   <li>After {@link #purge} returns, no edge and no tier in between serves a version of that path
 *       rendered before the purge.</li>
 *   <li>A request that finds a fetch of its page in flight may wait for it instead of starting
 *       another: it gets that fetch's response.</li>
 * </ul>
 */
public final class Cdn {

    private final Origin origin;
    private final List<Map<String, Response>> edges = new ArrayList<>();

    /** @param edges the number of edge locations; requests name theirs in {@link Request#edge()} */
    public Cdn(Origin origin, int edges) {
        this.origin = origin;
        for (int i = 0; i < edges; i++) {
            this.edges.add(new HashMap<>());
        }
    }

    /** The response for {@code request}, from the cache of its edge or from the origin. */
    public Response get(Request request) {
        Map<String, Response> cache = edges.get(request.edge());
        // Every header a page could depend on is in the key, so no page is ever served to the wrong visitor.
        String key = request.path() + "\n" + request.acceptLanguage() + "\n" + request.cookie();
        Response cached = cache.get(key);
        if (cached != null && request.at() - cached.renderedAt() <= cached.maxAgeMillis()) {
            return cached;
        }
        Response fetched = origin.fetch(request);
        cache.put(key, fetched);
        return fetched;
    }

    /** The page at {@code path} changed at {@code at}: no copy rendered before may be served again. */
    public void purge(String path, long at) {
        String prefix = path + "\n";
        for (Map<String, Response> cache : edges) {
            cache.keySet().removeIf(key -> key.startsWith(prefix));
        }
    }
}
