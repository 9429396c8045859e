package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.origin.PageSpec;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions whose messages say which property of the cache broke. */
final class Expect {

    private Expect() {
    }

    /** Asserts that {@code url} is answered with the page for {@code expected}; {@code rule} says why. */
    static Page serves(PageCache cache, String url, PageSpec expected, String rule) {
        Page page = cache.get(url);
        if (page == null) {
            fail(url + " was answered with null");
        }
        if (!page.spec().equals(expected)) {
            fail(url + " was answered with the page for " + page.spec() + ", but its page is " + expected
                    + ". " + rule);
        }
        return page;
    }
}
