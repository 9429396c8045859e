package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cache of rendered product pages in front of the {@link Origin}.
 *
 * <p>Contract (the tests hold you to it):
 * <ul>
 *   <li>{@link #get(String)} returns the page the origin renders for that URL.</li>
 *   <li>The cache holds at most {@code capacity} pages.</li>
 *   <li>After {@link #purge(String)} returns, no page of that product rendered before the purge is
 *       served again, whatever URL asks for it.</li>
 *   <li>Safe to call from many threads at once.</li>
 * </ul>
 */
public class PageCache {

    private final Origin origin;
    private final Map<String, Page> pages;

    public PageCache(Origin origin, int capacity) {
        this.origin = origin;
        // Least recently used pages are dropped once the cache is full.
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns the page for a product URL, rendering it on a miss. */
    public synchronized Page get(String url) {
        Page page = pages.get(url);
        if (page == null) {
            page = origin.render(url);
            pages.put(url, page);
        }
        return page;
    }

    /** Forgets every cached page of the product {@code sku}. */
    public synchronized void purge(String sku) {
        pages.keySet().removeIf(url -> skuOf(url).equals(sku));
    }

    private static String skuOf(String url) {
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        String encodedSku = path.substring("/products/".length());
        return URLDecoder.decode(encodedSku.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
