package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.workload.RequestStream;
import dev.hotpath.cachekey.workload.RequestStream.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

@DisplayName("Concurrency: many threads, one cache")
class ConcurrencyTest {

    @Test
    @DisplayName("concurrent misses for one page make one origin call")
    void concurrentMissesRenderOnce() throws Exception {
        Origin origin = new Origin(100, Duration.ofMillis(100));
        PageCache cache = new PageCache(origin, 100);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Page>> pages = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                pages.add(pool.submit(() -> {
                    start.await();
                    return cache.get("/products/AB-1234?locale=de-DE");
                }));
            }
            for (Future<Page> page : pages) {
                assertEquals("AB-1234", page.get(10, TimeUnit.SECONDS).spec().sku());
            }
        } finally {
            pool.shutdownNow();
        }
        if (origin.calls() != 1) {
            fail(threads + " concurrent requests for one uncached page made " + origin.calls()
                    + " origin calls; concurrent misses for the same page must share one render");
        }
    }

    @Test
    @DisplayName("threads sharing the cache always get the right page, without exceptions")
    void sharedCacheStaysCorrect() throws Exception {
        Origin origin = new Origin(50, Duration.ZERO);
        // Small, so every thread keeps evicting: the cache's structure changes on nearly every call.
        PageCache cache = new PageCache(origin, 32);
        int threads = 8;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RequestStream stream = RequestStream.generate(1000 + t, 4_000, 200);
                workers.add(pool.submit(() -> {
                    start.await();
                    // First, everyone on a few hot pages: hits reorder the cache's entries on every call.
                    for (int hit = 0; hit < 20_000 && System.nanoTime() < deadline; hit++) {
                        int product = hit % 16;
                        Page page = cache.get("/products/HOT-" + product);
                        if (page == null || !page.spec().sku().equals("HOT-" + product)) {
                            throw new AssertionError("under concurrent use, /products/HOT-" + product
                                    + " was answered with the page for " + (page == null ? "null" : page.spec()));
                        }
                    }
                    // Run for a while rather than a fixed count: on a busy 2-core machine a fixed count
                    // can finish one thread after another without ever overlapping.
                    int number = 0;
                    while (System.nanoTime() < deadline) {
                        for (RequestStream.Event event : stream.events()) {
                            if (event instanceof Request request) {
                                number++;
                                Page page = cache.get(request.url());
                                if (page == null || !page.spec().equals(request.expected())) {
                                    throw new AssertionError("under concurrent use, request #" + number + " ("
                                            + request.url() + ") was answered with the page for "
                                            + (page == null ? "null" : page.spec()) + " instead of "
                                            + request.expected());
                                }
                            } else {
                                cache.purge(((RequestStream.Update) event).sku());
                            }
                            if (number % 64 == 0 && System.nanoTime() >= deadline) {
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    fail("under concurrent use (8 threads, gets and purges), the cache threw " + cause, cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // A structure damaged by the threads shows now, if it did not while they ran: purges that miss
        // entries leave stale pages, and broken eviction serves the wrong ones.
        for (int product = 0; product < 16; product++) {
            origin.update("HOT-" + product);
            cache.purge("HOT-" + product);
        }
        for (int product = 0; product < 16; product++) {
            Page page = cache.get("/products/HOT-" + product);
            if (page.version() != origin.version("HOT-" + product)) {
                fail("after concurrent use, purge(\"HOT-" + product + "\") left version " + page.version()
                        + " of the product in the cache; the current version is " + origin.version("HOT-" + product));
            }
        }
        for (int i = 0; i < 200; i++) {
            String url = "/products/AB-" + (1000 + i) + "?locale=de-DE";
            Page page = cache.get(url);
            if (!page.spec().equals(new dev.hotpath.cachekey.origin.PageSpec("AB-" + (1000 + i), "de-DE", "EUR", ""))) {
                fail("after concurrent use, " + url + " was answered with the page for " + page.spec());
            }
        }
    }
}
