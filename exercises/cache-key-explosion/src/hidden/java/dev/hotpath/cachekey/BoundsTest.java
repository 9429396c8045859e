package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.workload.Replay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

@DisplayName("Bounds: the cache never holds more than its capacity")
class BoundsTest {

    @Test
    @DisplayName("holds at most capacity pages")
    void holdsAtMostCapacity() throws InterruptedException {
        expectBounded(50, 1_000);
    }

    @Test
    @DisplayName("holds at most capacity pages at the measured capacity too")
    void holdsAtMostTheMeasuredCapacity() throws InterruptedException {
        expectBounded(Replay.CAPACITY, 2 * Replay.CAPACITY);
    }

    private static void expectBounded(int capacity, int distinct) throws InterruptedException {
        PageCache cache = new PageCache(new Origin(0, Duration.ZERO), capacity);
        // Only the origin creates pages, so every page still reachable is held by the cache.
        List<WeakReference<Page>> served = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            served.add(new WeakReference<>(cache.get("/products/SKU-" + i + "?locale=en-GB")));
        }

        long held = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            System.gc();
            Thread.sleep(20);
            held = served.stream().filter(ref -> ref.get() != null).count();
            if (held <= capacity) {
                return;
            }
        }
        fail("after " + distinct + " different pages, a cache with capacity " + capacity
                + " still held " + held + " of them");
    }
}
