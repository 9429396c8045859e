package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
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
        int capacity = 50;
        int distinct = 1_000;
        PageCache cache = new PageCache(new Origin(100, Duration.ZERO), capacity);
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
