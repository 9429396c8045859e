package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.origin.PageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gets and purges from many threads under many schedules: each round picks a thread count, a cache
 * capacity, a few products and generated URLs, and where threads yield, then checks every answer
 * against the origin's rules and the purges that returned before it was asked for. A round ends at
 * its deadline, not after a count, so threads overlap even on a busy two-core machine.
 */
@DisplayName("Schedules: many threads, many interleavings, every answer checked")
class ScheduleStressTest {

    private static final long SEED = 0x57E55L;
    /** Rounds run whatever the time, then more until the budget, counted from the start, is spent. */
    private static final int MIN_ROUNDS = 3;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How long the threads of one round keep going (each thread makes at least 50 calls). */
    private static final long ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    /** How long hits race purges of a full cache: on a loaded machine the unlocked hit path needs up to 400 ms. */
    private static final long PURGE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    /** Threads purging other products while the hitters run: each purge walks the whole cache. */
    private static final int PURGERS = 3;
    private static final int[] CAPACITIES = {1, 2, 4, 16, 1_000};

    @Test
    @DisplayName("gets and purges from 2 to 12 threads agree with the origin and with every returned purge")
    void manySchedules() throws Exception {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (long round = 0; round < MIN_ROUNDS || System.nanoTime() < deadline; round++) {
            SplittableRandom random = new SplittableRandom(SEED + round);
            int threads = 2 + random.nextInt(11);
            int capacity = CAPACITIES[random.nextInt(CAPACITIES.length)];
            Optional<String> problem = round(random, threads, capacity);
            if (problem.isPresent()) {
                fail("with " + threads + " threads sharing a cache of capacity " + capacity + " (schedule " + round + "): "
                        + problem.get());
            }
        }
    }

    @Test
    @DisplayName("hits on many threads while other threads purge a full cache")
    void hitsWhilePurging() throws Exception {
        Origin origin = new Origin(0, Duration.ZERO);
        PageCache cache = new PageCache(origin, 4_000);
        for (int i = 0; i < 3_000; i++) {
            cache.get("/products/FILL-" + i); // a purge walks over every cached page: a long window
        }
        int hitters = 4;
        AtomicReference<String> problem = new AtomicReference<>();
        long end = System.nanoTime() + PURGE_WINDOW_NANOS;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < hitters; t++) {
            int first = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = first; problem.get() == null && System.nanoTime() < end; i++) {
                        String sku = "FILL-" + (i * 7 % 3_000);
                        Page page = cache.get("/products/" + sku);
                        if (page == null || !page.spec().sku().equals(sku)) {
                            problem.compareAndSet(null, "get(\"/products/" + sku + "\") returned "
                                    + (page == null ? "null" : "the page for " + page.spec()) + " while another thread purged");
                        }
                    }
                } catch (Throwable e) {
                    problem.compareAndSet(null, "get threw " + e + " while another thread purged");
                }
            }));
        }
        for (int p = 0; p < PURGERS; p++) {
            String other = "OTHER-" + p + "-";
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; problem.get() == null && System.nanoTime() < end; i++) {
                        cache.purge(other + i);
                    }
                } catch (Throwable e) {
                    problem.compareAndSet(null, "purge threw " + e + " while other threads got cached pages");
                }
            }));
        }
        threads.forEach(thread -> {
            thread.setDaemon(true);
            thread.start();
        });
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(3));
            if (thread.isAlive()) {
                problem.compareAndSet(null, "a thread was still inside get or purge 3 s after the test ended ("
                        + thread.getState() + ")");
            }
        }
        if (problem.get() != null) {
            fail("with " + hitters + " threads getting cached pages and " + PURGERS + " purging other products: "
                    + problem.get());
        }
    }

    @SuppressWarnings("ThreadPriorityCheck") // yielding now and then is how a round varies its interleavings
    private static Optional<String> round(SplittableRandom random, int threads, int capacity) throws Exception {
        Origin origin = new Origin(20, Duration.ZERO);
        PageCache cache = new PageCache(origin, capacity);
        List<String> skus = UrlGrammar.skus(random, 2 + random.nextInt(4));
        // Only URLs the origin renders, with their pages worked out up front, off the threads.
        List<String> urls = new ArrayList<>();
        List<PageSpec> specs = new ArrayList<>();
        while (urls.size() < 64) {
            String url = UrlGrammar.url(random, skus).text();
            Optional<PageSpec> spec = Model.specOf(url);
            if (spec.isPresent()) {
                urls.add(url);
                specs.add(spec.get());
            }
        }
        // Per product, the version below which no page may be served: raised when a purge returns.
        Map<String, Integer> floor = new ConcurrentHashMap<>();
        AtomicReference<String> problem = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        long end = System.nanoTime() + ROUND_NANOS;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = random.nextLong();
            int yieldEvery = 1 + random.nextInt(8);
            int changeEvery = 20 + random.nextInt(200);
            Thread worker = new Thread(() -> {
                SplittableRandom own = new SplittableRandom(seed);
                try {
                    start.await();
                    for (int op = 0; problem.get() == null && (op < 50 || System.nanoTime() < end); op++) {
                        if (own.nextInt(changeEvery) == 0) {
                            String sku = skus.get(own.nextInt(skus.size()));
                            origin.update(sku);
                            int version = origin.version(sku);
                            cache.purge(sku);
                            floor.merge(sku, version, Math::max);
                        } else {
                            int i = own.nextInt(urls.size());
                            PageSpec spec = specs.get(i);
                            int atLeast = floor.getOrDefault(spec.sku(), 1);
                            Page page = cache.get(urls.get(i));
                            if (page == null || !page.spec().equals(spec)) {
                                problem.compareAndSet(null, "get(\"" + urls.get(i) + "\") returned "
                                        + (page == null ? "null" : "the page for " + page.spec()) + " instead of " + spec);
                            } else if (page.version() < atLeast) {
                                problem.compareAndSet(null, "get(\"" + urls.get(i) + "\") returned version "
                                        + page.version() + " of \"" + spec.sku() + "\" after a purge of the product had"
                                        + " returned, when the current version was already " + atLeast);
                            }
                        }
                        if (own.nextInt(yieldEvery) == 0) {
                            Thread.yield();
                        }
                    }
                } catch (Throwable e) {
                    problem.compareAndSet(null, "a thread's get or purge threw " + e);
                }
            }, "stress-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(3));
            if (worker.isAlive()) {
                problem.compareAndSet(null, "a thread was still inside get or purge 3 s after the round ended"
                        + " (blocked or looping: " + worker.getState() + ")");
                break;
            }
        }
        if (problem.get() != null) {
            return Optional.of(problem.get());
        }
        // A structure the threads damaged may still answer right; a purge of every product afterwards
        // shows it: every page served now must be of the current version.
        for (String sku : skus) {
            origin.update(sku);
            cache.purge(sku);
        }
        for (int i = 0; i < urls.size(); i++) {
            Page page = cache.get(urls.get(i));
            int current = origin.version(specs.get(i).sku());
            if (!page.spec().equals(specs.get(i)) || page.version() != current) {
                return Optional.of("after the threads were done, every product changed and was purged, but get(\""
                        + urls.get(i) + "\") returned version " + page.version() + " of " + page.spec() + " (expected"
                        + " version " + current + " of " + specs.get(i) + ")");
            }
        }
        return Optional.empty();
    }
}
