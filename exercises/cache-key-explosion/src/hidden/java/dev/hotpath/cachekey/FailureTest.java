package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.origin.PageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.fail;

/** When the origin fails, get throws its failure to every caller of that render and caches nothing. */
@DisplayName("Failures: an origin that fails once, then succeeds")
class FailureTest {

    private static final String URL = "/products/AB-1234?locale=de-DE";
    private static final PageSpec SPEC = new PageSpec("AB-1234", "de-DE", "EUR", "");

    /** An origin whose first {@code failures} renders throw, as a real one does when a backend is down. */
    static final class FlakyOrigin extends Origin {
        private final AtomicInteger failuresLeft;

        FlakyOrigin(int failures, Duration latency) {
            super(10, latency);
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public Page render(String url) {
            if (failuresLeft.getAndDecrement() > 0) {
                Page ignored = super.render(url); // the origin was asked, and took its time, before it failed
                throw new OriginDownException();
            }
            return super.render(url);
        }
    }

    static final class OriginDownException extends RuntimeException {
        OriginDownException() {
            super("injected: the origin failed this render");
        }
    }

    @Test
    @DisplayName("after the origin fails once, the next request for the page is rendered and served")
    void failureIsNotCached() {
        FlakyOrigin origin = new FlakyOrigin(1, Duration.ZERO);
        PageCache cache = new PageCache(origin, 100);
        try {
            Page page = cache.get(URL);
            fail("the origin failed to render " + URL + ", but get returned " + (page == null ? "null" : page.spec())
                    + " instead of throwing the origin's failure");
        } catch (RuntimeException e) {
            expectCausedByOrigin(e, "the first get, whose render failed,");
        }
        Page page;
        try {
            page = cache.get(URL);
        } catch (RuntimeException e) {
            throw new AssertionError("the origin failed once, then recovered, but the next get(\"" + URL + "\") threw "
                    + e + ": a failed render must not be remembered", e);
        }
        if (page == null || !page.spec().equals(SPEC) || !page.renderedBy(origin)) {
            fail("after the origin recovered, get(\"" + URL + "\") returned " + (page == null ? "null" : page.spec())
                    + " instead of the page for " + SPEC);
        }
        if (origin.calls() != 2) {
            fail("after a failed render, the next request must ask the origin again: " + origin.calls()
                    + " origin calls for one failure and one success");
        }
    }

    @Test
    @DisplayName("callers waiting for a render that fails get the failure, and the page is rendered again afterwards")
    void concurrentCallersOfAFailingRender() throws Exception {
        FlakyOrigin origin = new FlakyOrigin(1, Duration.ofMillis(30));
        PageCache cache = new PageCache(origin, 100);
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Page>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(URL);
                }));
            }
            for (Future<Page> result : results) {
                try {
                    Page page = result.get(10, TimeUnit.SECONDS);
                    if (page == null || !page.spec().equals(SPEC)) {
                        fail("while the origin failed one render, a caller got " + (page == null ? "null" : page.spec())
                                + " for " + URL + " instead of its page or the origin's failure");
                    }
                } catch (ExecutionException e) {
                    expectCausedByOrigin(e.getCause(), "a caller waiting for the failed render");
                } catch (java.util.concurrent.TimeoutException e) {
                    fail("a caller of get(\"" + URL + "\") was still waiting 10 s after the origin failed the render");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Page after = cache.get(URL);
        if (!after.spec().equals(SPEC)) {
            fail("after the origin recovered, " + URL + " was answered with the page for " + after.spec());
        }
    }

    private static void expectCausedByOrigin(Throwable thrown, String who) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OriginDownException) {
                return;
            }
        }
        throw new AssertionError(who + " threw " + thrown + ", which is not the origin's failure (nor caused by it);"
                + " when the origin fails, get throws what the origin threw", thrown);
    }
}
