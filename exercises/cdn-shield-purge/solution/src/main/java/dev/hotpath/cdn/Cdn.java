package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import dev.hotpath.cdn.origin.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 *
 * <p>Every edge asks one shield tier instead of the origin, so a page missing at eight edges costs
 * one origin fetch. Both tiers key on the path plus what the page varies on, in canonical form.
 */
public final class Cdn {

    /** A cached page and, while one is under way, the refresh that will replace it. */
    private static final class Entry {
        Response response;
        Response refresh;

        Entry(Response response) {
            this.response = response;
        }
    }

    /** One cache: path, then variant, so that a purge drops every variant of a path at once. */
    private static final class Tier {
        private final Map<String, Map<String, Entry>> pages = new HashMap<>();
        private final Function<Request, Response> upstream;

        Tier(Function<Request, Response> upstream) {
            this.upstream = upstream;
        }

        Response get(Request request, String variant) {
            Map<String, Entry> variants = pages.computeIfAbsent(request.path(), path -> new HashMap<>());
            Entry entry = variants.get(variant);
            if (entry == null) {
                Response fetched = upstream.apply(request);
                variants.put(variant, new Entry(fetched));
                return fetched; // stored at once, so requests arriving while it is in flight join it
            }
            if (entry.refresh != null && request.at() >= entry.refresh.readyAt()) {
                entry.response = entry.refresh;
                entry.refresh = null;
            }
            Response cached = entry.response;
            long age = request.at() - cached.renderedAt();
            if (age <= cached.maxAgeMillis()) {
                return cached;
            }
            if (age <= cached.maxAgeMillis() + cached.staleWhileRevalidateMillis()) {
                if (entry.refresh == null) {
                    entry.refresh = upstream.apply(request); // one refresh per page, however many see it stale
                }
                return cached;
            }
            Response fetched = upstream.apply(request);
            entry.response = fetched;
            entry.refresh = null;
            return fetched;
        }

        void purge(String path) {
            pages.remove(path); // in-flight fetches and refreshes go with their entries
        }
    }

    private final List<Tier> edges = new ArrayList<>();
    private final Tier shield;

    /** @param edges the number of edge locations; requests name theirs in {@link Request#edge()} */
    public Cdn(Origin origin, int edges) {
        this.shield = new Tier(origin::fetch);
        for (int i = 0; i < edges; i++) {
            this.edges.add(new Tier(request -> shield.get(request, variant(request))));
        }
    }

    /** The response for {@code request}, from the cache of its edge, the shield or the origin. */
    public Response get(Request request) {
        return edges.get(request.edge()).get(request, variant(request));
    }

    /** The page at {@code path} changed at {@code at}: no copy rendered before may be served again. */
    public void purge(String path, long at) {
        shield.purge(path);
        for (Tier edge : edges) {
            edge.purge(path);
        }
    }

    /** What the origin renders the path's page from, besides the path (its Vary), in canonical form. */
    private static String variant(Request request) {
        if (request.path().startsWith("/products/")) {
            return Origin.language(request.acceptLanguage());
        }
        if (request.path().equals("/account")) {
            return Origin.user(request.cookie());
        }
        return "";
    }
}
