package dev.hotpath.cachekey.origin;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The storefront's page renderer, the slow thing the cache protects. It counts every render: that
 * count is the cost this exercise is graded on.
 *
 * <p>How the origin reads a URL (the exercise README has examples):
 * <ol>
 *   <li>The path is {@code /products/{sku}}, percent-decoded. SKUs are case-sensitive.</li>
 *   <li>Query parameter names are case-sensitive. Only {@code locale}, {@code currency} and
 *       {@code variant} change the page; every other parameter is ignored.</li>
 *   <li>If a parameter appears more than once, its first occurrence counts.</li>
 *   <li>Names and values are percent-decoded after splitting on {@code &} and {@code =};
 *       {@code +} in a query means a space.</li>
 *   <li>{@code locale} is case-insensitive ({@code de-de} is {@code de-DE}). Missing, empty or
 *       unsupported: {@code en-US}. Supported: en-US, en-GB, de-DE, fr-FR, ja-JP.</li>
 *   <li>{@code currency} is case-insensitive. Missing, empty or unsupported: the locale's home
 *       currency (en-US USD, en-GB GBP, de-DE EUR, fr-FR EUR, ja-JP JPY). Supported: USD, EUR, GBP, JPY.</li>
 *   <li>{@code variant} is case-sensitive; missing or empty means the product's default page.</li>
 * </ol>
 *
 * <p>Thread-safe.
 */
public class Origin {

    /** Rendering work per page in the default origin, a stand-in for templates, pricing and lookups. */
    public static final int DEFAULT_RENDER_WORK = 20_000;

    private static final Map<String, String> PRODUCT_WORD = Map.of(
            "en-US", "Product", "en-GB", "Product", "de-DE", "Produkt", "fr-FR", "Produit", "ja-JP", "製品");

    private final int renderWork;
    private final Duration latency;
    private final AtomicLong calls = new AtomicLong();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    /** An origin with the default rendering cost and no network latency. */
    public Origin() {
        this(DEFAULT_RENDER_WORK, Duration.ZERO);
    }

    /**
     * @param renderWork units of CPU work per render (see {@link #DEFAULT_RENDER_WORK})
     * @param latency    time each render waits, as if the origin were across a network
     */
    public Origin(int renderWork, Duration latency) {
        if (renderWork < 0 || latency.isNegative()) {
            throw new IllegalArgumentException("renderWork and latency must not be negative");
        }
        this.renderWork = renderWork;
        this.latency = latency;
    }

    /**
     * Renders the page for a product URL such as {@code /products/AB-12?locale=de-DE}.
     *
     * @throws IllegalArgumentException if the URL is not a product URL or is malformed
     */
    public Page render(String url) {
        calls.incrementAndGet();
        PageSpec spec = ProductUrl.parse(url);
        // The product is read before the slow part of rendering, as a real origin reads its database.
        int version = version(spec.sku());
        if (!latency.isZero()) {
            LockSupport.parkNanos(latency.toNanos());
        }
        String body = body(spec, version);
        return new Page(this, spec, version, body, fingerprint(body, renderWork));
    }

    /** How many times {@link #render(String)} has been called. */
    public long calls() {
        return calls.get();
    }

    /** Records that a product changed: pages rendered from now on show the next version. */
    public void update(String sku) {
        versions.merge(sku, 2, (current, ignored) -> current + 1);
    }

    /** The current version of a product, starting at 1. */
    public int version(String sku) {
        return versions.getOrDefault(sku, 1);
    }

    private static String body(PageSpec spec, int version) {
        long cents = 199L + Math.floorMod(spec.sku().hashCode() * 31L + version, 99_800);
        return "<html lang=\"" + spec.locale() + "\"><body><h1>" + PRODUCT_WORD.get(spec.locale()) + " "
                + spec.sku() + (spec.variant().isEmpty() ? "" : " (" + spec.variant() + ")") + "</h1>"
                + "<p class=\"price\">" + price(cents, spec.currency()) + "</p>"
                + "<p class=\"version\">" + version + "</p></body></html>";
    }

    private static String price(long cents, String currency) {
        String amount = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
        return switch (currency) {
            case "EUR" -> amount.replace('.', ',') + " €";
            case "GBP" -> "£" + amount;
            case "JPY" -> "¥" + cents;
            default -> "$" + amount;
        };
    }

    /** Deterministic CPU work whose result is part of the page, so it cannot be skipped. */
    private static long fingerprint(String body, int work) {
        long h = body.hashCode();
        for (int i = 0; i < work; i++) {
            h = (h ^ (h >>> 31)) * 0x9E3779B97F4A7C15L + i;
        }
        return h;
    }
}
