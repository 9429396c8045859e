package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import dev.hotpath.cdn.origin.Response;
import dev.hotpath.cdn.workload.Replay;
import dev.hotpath.cdn.workload.TrafficStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The basics. The grader also runs hidden tests that check the traps described in the README. */
@DisplayName("CDN basics")
class CdnTest {

    private final Origin origin = new Origin(10);
    private final Cdn cdn = new Cdn(origin, 8);

    @Test
    @DisplayName("serves the page the origin renders for the request")
    void servesTheRenderedPage() {
        Response page = cdn.get(new Request(3, 0, "/products/7", "de-DE,de;q=0.9", "_ga=GA1.2.1"));

        assertTrue(page.renderedBy(origin), "the response must come from the CDN's own origin");
        assertEquals("/products/7", page.path());
        assertEquals("de", page.language());
    }

    @Test
    @DisplayName("a repeated request at one edge is served from its cache")
    void repeatedRequestIsAHit() {
        cdn.get(new Request(0, 0, "/products/7", "en", "_ga=GA1.2.1"));
        cdn.get(new Request(0, 1_000, "/products/7", "en", "_ga=GA1.2.1"));

        assertEquals(1, origin.fetches(), "origin fetches for two identical requests one second apart");
    }

    @Test
    @DisplayName("after an update and a purge, the page's next request shows the new version")
    void purgeShowsNewVersion() {
        cdn.get(new Request(0, 0, "/products/7", "en", ""));
        origin.update("/products/7");
        cdn.purge("/products/7", 500);

        assertEquals(2, cdn.get(new Request(0, 1_000, "/products/7", "en", "")).version());
    }

    @Test
    @DisplayName("a seeded stream of 5,000 requests is answered right throughout")
    void seededStreamIsAnsweredRight() {
        TrafficStream stream = TrafficStream.generate(7, 5_000);
        Replay replay = new Replay(stream, round -> new Origin(10));

        assertDoesNotThrow(() -> replay.serve(stream.requests()));
    }
}
