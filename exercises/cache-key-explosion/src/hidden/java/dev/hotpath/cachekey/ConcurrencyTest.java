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
        Origin origin = new Origin(100, Duration.ofMillis(200));
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
        PageCache cache = new PageCache(origin, 64);
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RequestStream stream = RequestStream.generate(1000 + t, 6_000, 200);
                workers.add(pool.submit(() -> {
                    start.await();
                    int number = 0;
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
                    fail("under concurrent use (4 threads, gets and purges), the cache threw " + cause, cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
