package dev.hotpath.cachekey.origin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the origin reads a product URL. These are the rules documented in the exercise README; the
 * origin is the authority on them, so the class stays package-private: a cache in front of a real
 * origin cannot call into it either.
 */
final class ProductUrl {

    static final String PATH_PREFIX = "/products/";
    static final String DEFAULT_LOCALE = "en-US";
    static final Map<String, String> HOME_CURRENCY = Map.of(
            "en-US", "USD", "en-GB", "GBP", "de-DE", "EUR", "fr-FR", "EUR", "ja-JP", "JPY");
    static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY");

    private ProductUrl() {
    }

    static PageSpec parse(String url) {
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        if (!path.startsWith(PATH_PREFIX) || path.length() == PATH_PREFIX.length()) {
            throw new IllegalArgumentException("not a product URL: " + url);
        }
        String sku = decodePath(path.substring(PATH_PREFIX.length()), url);

        Map<String, String> firstValues = new HashMap<>();
        if (queryStart >= 0) {
            for (String pair : url.substring(queryStart + 1).split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq), url);
                String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1), url);
                firstValues.putIfAbsent(name, value);
            }
        }

        String locale = canonicalLocale(firstValues.getOrDefault("locale", ""));
        String currency = firstValues.getOrDefault("currency", "").toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(currency)) {
            currency = HOME_CURRENCY.get(locale);
        }
        String variant = firstValues.getOrDefault("variant", "");
        return new PageSpec(sku, locale, currency, variant);
    }

    private static String canonicalLocale(String value) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            return DEFAULT_LOCALE;
        }
        String canonical = value.substring(0, dash).toLowerCase(Locale.ROOT) + "-"
                + value.substring(dash + 1).toUpperCase(Locale.ROOT);
        return HOME_CURRENCY.containsKey(canonical) ? canonical : DEFAULT_LOCALE;
    }

    /** Percent-decodes a path segment; unlike a query value, '+' is a literal plus sign here. */
    private static String decodePath(String segment, String url) {
        return decodeQuery(segment.replace("+", "%2B"), url);
    }

    private static String decodeQuery(String value, String url) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-encoding in " + url, e);
        }
    }
}
