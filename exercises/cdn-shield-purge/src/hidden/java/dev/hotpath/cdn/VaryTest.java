package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A page may be shared only between requests the origin renders the same page for. */
@DisplayName("Vary: who may share a cached page")
class VaryTest {

    private final Origin origin = new Origin(10);
    private final Cdn cdn = new Cdn(origin, 8);

    @Test
    @DisplayName("an account page is never served to another user or to an anonymous visitor")
    void personalisedPagesNeverLeak() {
        Expect.serves(cdn, origin, new Request(0, 0, "/account", "en", "session=u1; _ga=GA1.2.5"));
        Expect.serves(cdn, origin, new Request(0, 1_000, "/account", "en", "_ga=GA1.2.5; session=u2"));
        Expect.serves(cdn, origin, new Request(0, 2_000, "/account", "en", "_ga=GA1.2.5"));
        Expect.serves(cdn, origin, new Request(1, 3_000, "/account", "de", "session=u1"));
        Expect.serves(cdn, origin, new Request(1, 4_000, "/account", "de", "session=u3;theme=dark"));
    }

    @Test
    @DisplayName("a product page is served in the language the origin picks from Accept-Language")
    void languageFollowsAcceptLanguage() {
        String[] headers = {"de-AT,de;q=0.9", "en-US,en;q=0.9", "fr-CA,fr;q=0.8", "", "DE-de", "ja-JP"};
        long at = 0;
        for (String header : headers) {
            Expect.serves(cdn, origin, new Request(2, at += 1_000, "/products/9", header, ""));
        }
    }

    @Test
    @DisplayName("only a supported language counts, wherever it appears in the header")
    void firstSupportedLanguageCounts() {
        Expect.serves(cdn, origin, new Request(4, 0, "/products/9", "es-ES,fr;q=0.5", ""));
        Expect.serves(cdn, origin, new Request(4, 1_000, "/products/9", "es-ES,es;q=0.9", ""));
        Expect.serves(cdn, origin, new Request(4, 2_000, "/products/9", "es-MX,de;q=0.7,fr;q=0.6", ""));
    }
}
