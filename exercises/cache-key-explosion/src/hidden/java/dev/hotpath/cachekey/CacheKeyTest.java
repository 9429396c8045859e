package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.PageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.hotpath.cachekey.Expect.serves;

/**
 * Keys that are too coarse: two URLs whose pages differ must never share a cache entry. Each test
 * warms the cache with one URL, then asks for a URL whose page differs in exactly one respect.
 */
@DisplayName("Cache keys: pages that differ are never mixed up")
class CacheKeyTest {

    private final PageCache cache = new PageCache(new Origin(100, Duration.ZERO), 100);

    @Test
    @DisplayName("currency changes the page")
    void currencyMatters() {
        serves(cache, "/products/AB-1234?currency=EUR", spec("AB-1234", "en-US", "EUR", ""), "");
        serves(cache, "/products/AB-1234?currency=USD", spec("AB-1234", "en-US", "USD", ""),
                "The currency is part of what the page varies on.");
    }

    @Test
    @DisplayName("locale changes the page")
    void localeMatters() {
        serves(cache, "/products/AB-1234?locale=fr-FR", spec("AB-1234", "fr-FR", "EUR", ""), "");
        serves(cache, "/products/AB-1234?locale=de-DE", spec("AB-1234", "de-DE", "EUR", ""),
                "The locale is part of what the page varies on.");
    }

    @Test
    @DisplayName("variant changes the page")
    void variantMatters() {
        serves(cache, "/products/AB-1234?variant=red", spec("AB-1234", "en-US", "USD", "red"), "");
        serves(cache, "/products/AB-1234?variant=blue", spec("AB-1234", "en-US", "USD", "blue"),
                "variant is not a tracking parameter: it selects what the page shows.");
        serves(cache, "/products/AB-1234", spec("AB-1234", "en-US", "USD", ""),
                "A URL without variant shows the product's default page.");
    }

    @Test
    @DisplayName("SKUs are case-sensitive")
    void skuCaseMatters() {
        serves(cache, "/products/AB-1234", spec("AB-1234", "en-US", "USD", ""), "");
        serves(cache, "/products/ab-1234", spec("ab-1234", "en-US", "USD", ""),
                "AB-1234 and ab-1234 are two different products.");
    }

    @Test
    @DisplayName("variants are case-sensitive")
    void variantCaseMatters() {
        serves(cache, "/products/AB-1234?variant=XL", spec("AB-1234", "en-US", "USD", "XL"), "");
        serves(cache, "/products/AB-1234?variant=xl", spec("AB-1234", "en-US", "USD", "xl"),
                "Variants XL and xl are different variants.");
    }

    @Test
    @DisplayName("parameter names are case-sensitive")
    void parameterNameCaseMatters() {
        serves(cache, "/products/AB-1234?Currency=EUR", spec("AB-1234", "en-US", "USD", ""),
                "The origin ignores a parameter named Currency: only lower-case currency counts.");
        serves(cache, "/products/AB-1234?currency=EUR", spec("AB-1234", "en-US", "EUR", ""),
                "The origin ignores a parameter named Currency: only lower-case currency counts.");
    }

    @Test
    @DisplayName("a missing currency means the locale's home currency")
    void defaultCurrencyFollowsLocale() {
        serves(cache, "/products/AB-1234?locale=de-DE", spec("AB-1234", "de-DE", "EUR", ""), "");
        serves(cache, "/products/AB-1234?locale=de-DE&currency=USD", spec("AB-1234", "de-DE", "USD", ""),
                "Without a currency, de-DE pages show EUR, so they differ from the de-DE page in USD.");
        serves(cache, "/products/CD-5678?locale=en-GB&currency=USD", spec("CD-5678", "en-GB", "USD", ""), "");
        serves(cache, "/products/CD-5678?locale=en-GB", spec("CD-5678", "en-GB", "GBP", ""),
                "Without a currency, en-GB pages show GBP.");
    }

    @Test
    @DisplayName("an unsupported currency means the locale's home currency")
    void unsupportedCurrency() {
        serves(cache, "/products/AB-1234?locale=ja-JP&currency=CHF", spec("AB-1234", "ja-JP", "JPY", ""), "");
        serves(cache, "/products/AB-1234?locale=ja-JP&currency=USD", spec("AB-1234", "ja-JP", "USD", ""),
                "CHF is not supported, so ?locale=ja-JP&currency=CHF shows JPY, not USD.");
    }

    @Test
    @DisplayName("when a parameter repeats, its first occurrence counts")
    void firstOccurrenceWins() {
        serves(cache, "/products/AB-1234?currency=EUR&currency=USD", spec("AB-1234", "en-US", "EUR", ""), "");
        serves(cache, "/products/AB-1234?currency=USD", spec("AB-1234", "en-US", "USD", ""),
                "In ?currency=EUR&currency=USD the first currency counts, so that page is in EUR.");
    }

    @Test
    @DisplayName("values are decoded after splitting the query")
    void decodeAfterSplitting() {
        serves(cache, "/products/AB-1234?variant=red%26blue", spec("AB-1234", "en-US", "USD", "red&blue"), "");
        serves(cache, "/products/AB-1234?variant=red", spec("AB-1234", "en-US", "USD", "red"),
                "%26 is an ampersand inside the value: variant=red%26blue is the variant \"red&blue\".");
        serves(cache, "/products/CD-5678?variant=red&blue=1", spec("CD-5678", "en-US", "USD", "red"), "");
        serves(cache, "/products/CD-5678?variant=red%26blue%3D1", spec("CD-5678", "en-US", "USD", "red&blue=1"),
                "Encoded & and = belong to the value, so this variant is \"red&blue=1\".");
    }

    private static PageSpec spec(String sku, String locale, String currency, String variant) {
        return new PageSpec(sku, locale, currency, variant);
    }
}
