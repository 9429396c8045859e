package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** After a purge returns, no copy rendered before it is served anywhere. */
@DisplayName("Purge")
class PurgeTest {

    private final Origin origin = new Origin(10);
    private final Cdn cdn = new Cdn(origin, 8);

    @Test
    @DisplayName("a purge reaches every edge that holds a copy")
    void purgeReachesEveryEdge() {
        for (int edge = 0; edge < 8; edge++) {
            Expect.serves(cdn, origin, new Request(edge, edge * 100L, "/products/5", "fr", ""));
        }
        origin.update("/products/5");
        cdn.purge("/products/5", 1_000);
        for (int edge = 0; edge < 8; edge++) {
            Expect.serves(cdn, origin, new Request(edge, 2_000 + edge, "/products/5", "fr", ""));
        }
    }

    @Test
    @DisplayName("a purge reaches every tier between the edges and the origin")
    void purgeReachesEveryTier() {
        Expect.serves(cdn, origin, new Request(0, 0, "/products/5", "de", ""));
        origin.update("/products/5");
        cdn.purge("/products/5", 1_000);
        for (int edge = 1; edge < 8; edge++) {
            Expect.serves(cdn, origin, new Request(edge, 2_000 + edge, "/products/5", "de", ""));
        }
    }

    @Test
    @DisplayName("a purge reaches every variant of the page")
    void purgeReachesEveryVariant() {
        String[] languages = {"en", "de", "fr"};
        for (String language : languages) {
            Expect.serves(cdn, origin, new Request(3, 0, "/products/5", language, ""));
        }
        origin.update("/products/5");
        cdn.purge("/products/5", 1_000);
        for (String language : languages) {
            Expect.serves(cdn, origin, new Request(3, 2_000, "/products/5", language, ""));
        }
    }

    @Test
    @DisplayName("a fetch in flight when the purge arrives is not served afterwards")
    void purgeOvertakesAFetchInFlight() {
        Expect.serves(cdn, origin, new Request(0, 0, "/products/5", "en", ""));   // answer due at 100 ms
        origin.update("/products/5");
        cdn.purge("/products/5", 50);
        Expect.serves(cdn, origin, new Request(0, 60, "/products/5", "en", ""));
        Expect.serves(cdn, origin, new Request(6, 70, "/products/5", "en", ""));
    }
}
