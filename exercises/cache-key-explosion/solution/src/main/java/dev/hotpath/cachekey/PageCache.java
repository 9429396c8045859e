package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reference solution: keys on what the page varies on (product, locale, currency, variant) in the
 * origin's canonical forms, renders outside the lock, coalesces concurrent misses for one key, and
 * never stores a render that a purge overtook.
 */
public class PageCache {

    private static final String PATH_PREFIX = "/products/";
    private static final String DEFAULT_LOCALE = "en-US";
    private static final Map<String, String> HOME_CURRENCY = Map.of(
            "en-US", "USD", "en-GB", "GBP", "de-DE", "EUR", "fr-FR", "EUR", "ja-JP", "JPY");
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY");

    /** What a product page varies on, in canonical form. */
    private record Key(String sku, String locale, String currency, String variant) {
    }

    private final Origin origin;
    private final Map<Key, Page> pages;                                  // guarded by this
    private final Map<Key, CompletableFuture<Page>> rendering = new HashMap<>(); // guarded by this

    public PageCache(Origin origin, int capacity) {
        this.origin = origin;
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Page> eldest) {
                return size() > capacity;
            }
        };
    }

    public Page get(String url) {
        Key key = keyOf(url);
        CompletableFuture<Page> render;
        boolean owner = false;
        synchronized (this) {
            Page cached = pages.get(key);
            if (cached != null) {
                return cached;
            }
            render = rendering.get(key);
            if (render == null) {
                render = new CompletableFuture<>();
                rendering.put(key, render);
                owner = true;
            }
        }
        if (!owner) {
            return render.join(); // another thread is rendering this page: share its result
        }
        try {
            Page page = origin.render(url);
            synchronized (this) {
                // A purge that ran while we rendered unregistered our render: its page is stale.
                if (rendering.remove(key, render)) {
                    pages.put(key, page);
                }
            }
            render.complete(page);
            return page;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                rendering.remove(key, render);
            }
            render.completeExceptionally(e);
            throw e;
        }
    }

    public synchronized void purge(String sku) {
        pages.keySet().removeIf(key -> key.sku().equals(sku));
        rendering.keySet().removeIf(key -> key.sku().equals(sku));
    }

    private static Key keyOf(String url) {
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        if (!path.startsWith(PATH_PREFIX) || path.length() == PATH_PREFIX.length()) {
            throw new IllegalArgumentException("not a product URL: " + url);
        }
        // Everything after the prefix is the SKU, slashes included ("AB/12" is one product, not "12").
        String sku = decode(path.substring(PATH_PREFIX.length()).replace("+", "%2B"));
        String locale = null;
        String currency = null;
        String variant = null;
        int start = queryStart + 1;
        while (queryStart >= 0 && start <= url.length()) {
            int end = url.indexOf('&', start);
            if (end < 0) {
                end = url.length();
            }
            int eq = url.indexOf('=', start);
            if (eq < 0 || eq > end) {
                eq = end;
            }
            String name = decode(url.substring(start, eq));
            // Every value is decoded, ignored ones too: a malformed one makes the origin reject the URL.
            String value = eq < end ? decode(url.substring(eq + 1, end)) : "";
            // The first occurrence of a parameter wins; everything but these three is ignored.
            if (locale == null && name.equals("locale")) {
                locale = value;
            } else if (currency == null && name.equals("currency")) {
                currency = value;
            } else if (variant == null && name.equals("variant")) {
                variant = value;
            }
            start = end + 1;
        }
        String canonicalLocale = canonicalLocale(locale);
        String canonicalCurrency = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(canonicalCurrency)) {
            canonicalCurrency = HOME_CURRENCY.get(canonicalLocale);
        }
        return new Key(sku, canonicalLocale, canonicalCurrency, variant == null ? "" : variant);
    }

    private static String canonicalLocale(String value) {
        int dash = value == null ? -1 : value.indexOf('-');
        if (dash < 0) {
            return DEFAULT_LOCALE;
        }
        String canonical = value.substring(0, dash).toLowerCase(Locale.ROOT) + "-"
                + value.substring(dash + 1).toUpperCase(Locale.ROOT);
        return HOME_CURRENCY.containsKey(canonical) ? canonical : DEFAULT_LOCALE;
    }

    private static String decode(String value) {
        return value.indexOf('%') < 0 && value.indexOf('+') < 0
                ? value : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
