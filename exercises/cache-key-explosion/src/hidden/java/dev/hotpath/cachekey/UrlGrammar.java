package dev.hotpath.cachekey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Product URLs generated from the README's rules, edge cases first: every rule's values in every
 * case, empty, missing and repeated parameters, names and values percent-encoded (or not) byte by
 * byte, encoded delimiters, tags the JDK reads more leniently than the rules do, SKUs of any shape
 * (slashes, plus signs, non-ASCII, hash-colliding, very long) and, now and then, a URL the origin
 * rejects. A URL is kept as its path and query pairs, so a failing one can be shrunk pair by pair.
 */
final class UrlGrammar {

    /** A generated URL: the path and the raw query pairs (null: no '?' at all). */
    record Url(String path, List<String> pairs) {

        String text() {
            return pairs == null ? path : path + "?" + String.join("&", pairs);
        }

        /** Simpler URLs that keep the path: without the query, or with one pair fewer. */
        List<Url> simpler() {
            List<Url> simpler = new ArrayList<>();
            if (pairs != null) {
                simpler.add(new Url(path, null));
                for (int i = 0; i < pairs.size(); i++) {
                    List<String> fewer = new ArrayList<>(pairs);
                    fewer.remove(i);
                    simpler.add(new Url(path, fewer));
                }
            }
            return simpler;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    private static final String[] SUPPORTED_LOCALES = {"en-US", "en-GB", "de-DE", "fr-FR", "ja-JP"};
    private static final String[] ODD_LOCALES = {"", "pt-BR", "de", "DE", "de_DE", "de-DE-x-foo", "de-DE ", " de-DE",
            "de--DE", "de-DE-", "ja-JP-u-ca-japanese", "en", "en-US-posix", "deu-DE", "de-DEU", "und", "-", "de-",
            "-DE", "en-uſ", "de‐DE", "en-US,de-DE", "en-US;q=1", "EN_gb"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
    private static final String[] ODD_CURRENCIES = {"", "XXX", "EURO", "US", "usd ", " EUR", "ＵＳＤ", "uſd", "CHF",
            "U+SD", "eur,usd"};
    private static final String[] VARIANTS = {"", "red", "Red", "RED", "red&blue", "a=b", "x+y", " ", "ü", "製",
            "XL", "xl", "%", "50%", "a b", "#1"};
    private static final String[] OTHER_NAMES = {"utm_source", "sessionid", "_", "gclid", "ref", "Locale", "LOCALE",
            "Currency", "VARIANT", "locale ", " locale", "", "locales", "variant_", "currency[]", "loc"};
    private static final String[] SKU_SHAPES = {"AB-1234", "ab-1234", "Aa", "BB", "AaAa", "BBBB", "AaBB", "AB/12",
            "12", "a+b", "a b", "é-1", "製品-7", "%", "50%", "?", "&", "=", "#1", "-", ".", "..", "AB-1234/", "/",
            "A;b", "AB%2D1234"};
    private static final String[] BAD_PREFIXES = {"/product/", "/PRODUCTS/", "products/", "/products", "//products/",
            "/products/?"};
    private static final String[] MALFORMED = {"%", "%zz", "%4", "%g1", "%%"};

    private UrlGrammar() {
    }

    /** Products that a wrong key easily mixes up: case, hash codes, slashes, plus and space, encodings. */
    private static final String[][] CONFUSABLE = {{"AB-1234", "ab-1234"}, {"Aa", "BB"}, {"AaAa", "BBBB", "AaBB"},
            {"AB/12", "12"}, {"a+b", "a b"}, {"AB-1234", "AB%2D1234"}, {"x/y/z", "z", "y/z"}, {"É-1", "é-1"}};

    /**
     * A few products for one sequence: a group that a wrong key easily mixes up, shapes from the edge
     * list and identifiers of any size.
     */
    static List<String> skus(SplittableRandom random, int count) {
        List<String> skus = new ArrayList<>(List.of(CONFUSABLE[random.nextInt(CONFUSABLE.length)]));
        while (skus.size() < count + 1) {
            int roll = random.nextInt(10);
            String sku;
            if (roll < 5) {
                sku = SKU_SHAPES[random.nextInt(SKU_SHAPES.length)];
            } else if (roll < 7) {
                sku = "ZZ-" + (random.nextBoolean() ? random.nextLong() : random.nextInt(10));
            } else if (roll < 8) {
                sku = "x".repeat(1 + random.nextInt(400));
            } else {
                sku = text(random, 1 + random.nextInt(12));
            }
            if (!skus.contains(sku)) {
                skus.add(sku);
            }
        }
        return skus;
    }

    /** A URL for one of {@code skus}. */
    static Url url(SplittableRandom random, List<String> skus) {
        String sku = skus.get(random.nextInt(skus.size()));
        String path;
        if (random.nextInt(100) < 3) {
            path = BAD_PREFIXES[random.nextInt(BAD_PREFIXES.length)] + encodePath(random, sku);
        } else if (random.nextInt(200) == 0) {
            path = "/products/";
        } else {
            path = "/products/" + encodePath(random, sku);
        }
        if (random.nextInt(10) < 2) {
            return maybeMalformed(random, new Url(path, random.nextBoolean() ? null : new ArrayList<>(List.of(""))));
        }
        List<String> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            String name;
            if (!names.isEmpty() && random.nextInt(4) == 0) {
                name = names.get(random.nextInt(names.size())); // a repeated parameter
            } else {
                int roll = random.nextInt(100);
                name = roll < 25 ? "locale" : roll < 45 ? "currency" : roll < 60 ? "variant"
                        : OTHER_NAMES[random.nextInt(OTHER_NAMES.length)];
            }
            names.add(name);
            String value = value(random, name);
            int form = random.nextInt(20);
            if (form == 0) {
                pairs.add(encodeQuery(random, name)); // no '=': the value is empty
            } else if (form == 1) {
                pairs.add(""); // "&&"
            } else {
                pairs.add(encodeQuery(random, name) + "=" + encodeQuery(random, value));
            }
        }
        return maybeMalformed(random, new Url(path, count == 0 && random.nextBoolean() ? null : pairs));
    }

    private static Url maybeMalformed(SplittableRandom random, Url url) {
        if (random.nextInt(100) >= 3) {
            return url;
        }
        String bad = MALFORMED[random.nextInt(MALFORMED.length)];
        if (url.pairs() == null || url.pairs().isEmpty() || random.nextBoolean()) {
            return new Url(url.path() + bad, url.pairs());
        }
        List<String> pairs = new ArrayList<>(url.pairs());
        int at = random.nextInt(pairs.size());
        pairs.set(at, pairs.get(at) + bad);
        return new Url(url.path(), pairs);
    }

    private static String value(SplittableRandom random, String name) {
        return switch (name) {
            case "locale" -> random.nextInt(3) > 0
                    ? messyCase(random, SUPPORTED_LOCALES[random.nextInt(SUPPORTED_LOCALES.length)])
                    : ODD_LOCALES[random.nextInt(ODD_LOCALES.length)];
            case "currency" -> random.nextInt(3) > 0
                    ? messyCase(random, CURRENCIES[random.nextInt(CURRENCIES.length)])
                    : ODD_CURRENCIES[random.nextInt(ODD_CURRENCIES.length)];
            case "variant" -> random.nextInt(4) > 0 ? VARIANTS[random.nextInt(VARIANTS.length)] : text(random, random.nextInt(8));
            default -> random.nextBoolean() ? Long.toHexString(random.nextLong()) : text(random, random.nextInt(6));
        };
    }

    private static String messyCase(SplittableRandom random, String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(random.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** Any text: ASCII punctuation that means something in a URL, letters of any script, emoji. */
    private static String text(SplittableRandom random, int length) {
        String specials = "&=+%?/#;, -_.~AaBbZz09";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(10);
            if (roll < 6) {
                out.append(specials.charAt(random.nextInt(specials.length())));
            } else if (roll < 8) {
                out.append((char) ('a' + random.nextInt(26)));
            } else if (roll < 9) {
                out.append((char) (0xC0 + random.nextInt(0x2000)));
            } else {
                out.appendCodePoint(0x1F600 + random.nextInt(50));
            }
        }
        return out.toString();
    }

    /** A SKU as it may appear in a path: '%' and '?' always encoded, '/' and '+' either way, the rest sometimes. */
    private static String encodePath(SplittableRandom random, String sku) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sku.length(); ) {
            int c = sku.codePointAt(i);
            i += Character.charCount(c);
            String ch = new String(Character.toChars(c));
            boolean must = c == '%' || c == '?';
            if (must || random.nextInt(6) == 0 || (c == ' ' && random.nextBoolean())) {
                out.append(percent(random, ch));
            } else {
                out.append(ch); // a raw '+' in the path is a plus sign
            }
        }
        return out.toString();
    }

    /** A query name or value: '&', '=', '+', '%' always encoded (a space as '+' or %20), the rest sometimes. */
    private static String encodeQuery(SplittableRandom random, String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            String ch = new String(Character.toChars(c));
            if (c == ' ' && random.nextBoolean()) {
                out.append('+');
            } else if (c == '&' || c == '=' || c == '+' || c == '%' || c == ' ' || random.nextInt(8) == 0) {
                out.append(percent(random, ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String percent(SplittableRandom random, String ch) {
        StringBuilder out = new StringBuilder();
        for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
            String hex = String.format(Locale.ROOT, "%02X", b & 0xFF);
            out.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
