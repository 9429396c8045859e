package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** After purge(sku) returns, no page of that product rendered before the purge may be served. */
@DisplayName("Purge: a purged product is never served stale")
class PurgeTest {

    @Test
    @DisplayName("purge drops every variant of the product")
    void purgeDropsEveryVariant() {
        Origin origin = new Origin(100, Duration.ZERO);
        PageCache cache = new PageCache(origin, 100);
        List<String> urls = List.of(
                "/products/AB-1234",
                "/products/AB-1234?locale=de-DE",
                "/products/AB-1234?locale=ja-JP&currency=USD",
                "/products/AB-1234?variant=red&utm_source=mail",
                "/products/AB%2D1234?locale=fr-FR&sessionid=42",
                "/products/AB-1234?locale=en-GB&variant=XL");
        urls.forEach(cache::get);

        origin.update("AB-1234");
        cache.purge("AB-1234");

        for (String url : urls) {
            Page page = cache.get(url);
            if (page.version() != 2) {
                fail("after purge(\"AB-1234\"), " + url + " was still served version " + page.version()
                        + " of the product; the current version is 2");
            }
        }
    }

    @Test
    @DisplayName("a page cached before thousands of purges of its product is never served after them")
    void pageOlderThanManyPurges() {
        // A long window: a product's page stays cached (no request for it) while the product changes
        // and is purged 2^8 or 2^16 times, where counters of a byte, a short or a char wrap round.
        Origin origin = new Origin(0, Duration.ZERO);
        PageCache cache = new PageCache(origin, 8);
        for (int purges : new int[] {1 << 8, 1 << 16}) {
            String sku = "LONG-" + purges;
            String url = "/products/" + sku + "?locale=de-DE";
            cache.get(url);
            for (int i = 0; i < purges; i++) {
                origin.update(sku);
                cache.purge(sku);
            }
            Page page = cache.get(url);
            if (page.version() != origin.version(sku)) {
                fail(String.format(java.util.Locale.ROOT, "purge must hold however often it runs: %s was cached at"
                        + " version 1, then the product changed and was purged %,d times, but the next get served"
                        + " version %,d (the current version is %,d)", url, purges, page.version(), origin.version(sku)));
            }
        }
    }

    @Test
    @DisplayName("purge of one product leaves other products' pages correct")
    void purgeIsPerProduct() {
        Origin origin = new Origin(100, Duration.ZERO);
        PageCache cache = new PageCache(origin, 100);
        cache.get("/products/AB-1234?locale=de-DE");
        cache.get("/products/CD-5678?locale=de-DE");

        origin.update("AB-1234");
        cache.purge("AB-1234");

        assertEquals(2, cache.get("/products/AB-1234?locale=de-DE").version(), "version of the purged product");
        assertEquals(1, cache.get("/products/CD-5678?locale=de-DE").version(), "version of the other product");
    }

    @Test
    @DisplayName("a render in flight during purge is not served after purge returns")
    void renderOvertakenByPurge() throws Exception {
        Origin origin = new Origin(100, Duration.ofMillis(120));
        PageCache cache = new PageCache(origin, 100);
        String url = "/products/AB-1234?locale=de-DE";

        CompletableFuture<Page> inFlight = CompletableFuture.supplyAsync(() -> cache.get(url));
        awaitCalls(origin, 1);
        Thread.sleep(20); // the origin has read version 1 and is rendering it
        origin.update("AB-1234");
        cache.purge("AB-1234");
        inFlight.get(10, TimeUnit.SECONDS);

        Page after = cache.get(url);
        if (after.version() != 2) {
            fail("a page of AB-1234 rendered before purge(\"AB-1234\") was served after purge returned"
                    + " (version " + after.version() + ", current version 2)");
        }
    }

    static void awaitCalls(Origin origin, long calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (origin.calls() < calls) {
            if (System.nanoTime() > deadline) {
                fail("the cache did not call the origin within 5 s");
            }
            Thread.sleep(1);
        }
    }
}
