package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** max-age and stale-while-revalidate: how old a served copy may be, and what refreshing it may cost. */
@DisplayName("Freshness")
class FreshnessTest {

    private final Origin origin = new Origin(10);
    private final Cdn cdn = new Cdn(origin, 8);

    @Test
    @DisplayName("no copy is served once it is older than max-age plus stale-while-revalidate")
    void neverServesOlderThanAllowed() {
        Expect.serves(cdn, origin, new Request(0, 0, "/products/3", "en", ""));
        Expect.serves(cdn, origin, new Request(0, 75_000, "/products/3", "en", ""));
        Expect.serves(cdn, origin, new Request(0, 180_000, "/products/3", "en", ""));
        Expect.serves(cdn, origin, new Request(0, 400_000, "/products/3", "en", ""));
        Expect.serves(cdn, origin, new Request(1, 0, "/account", "en", "session=u1"));
        Expect.serves(cdn, origin, new Request(1, 10_500, "/account", "en", "session=u1"));
    }

    @Test
    @DisplayName("a burst of requests for a stale page causes one origin fetch, not one per request")
    void staleCopyIsRefreshedOnce() {
        Expect.serves(cdn, origin, new Request(0, 0, "/products/3", "en", ""));
        long before = origin.fetches();
        for (int i = 0; i < 50; i++) {
            Expect.serves(cdn, origin, new Request(0, 70_000 + i, "/products/3", "en", ""));
        }
        assertEquals(1, origin.fetches() - before,
                "origin fetches caused by 50 requests within 50 ms for one stale page at one edge");
    }

    @Test
    @DisplayName("requests that arrive while a page is being fetched wait for that fetch")
    void requestsJoinAFetchInFlight() {
        for (int i = 0; i < 20; i++) {
            Expect.serves(cdn, origin, new Request(5, i * 4L, "/static/app.js", "en", "_ga=GA1.2.7"));
        }
        assertEquals(1, origin.fetches(), "origin fetches for 20 requests for one static file at one edge within 80 ms");
    }
}
