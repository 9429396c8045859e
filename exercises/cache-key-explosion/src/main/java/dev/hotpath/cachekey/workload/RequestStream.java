package dev.hotpath.cachekey.workload;

import dev.hotpath.cachekey.origin.PageSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible day of storefront traffic: product page requests as real clients send them
 * (tracking and session parameters, any parameter order, mixed case, percent-encoding), with product
 * updates now and then. Every request carries the page the origin renders for it, so replays can
 * check each answer.
 */
public final class RequestStream {

    /** One step of the stream. */
    public sealed interface Event permits Request, Update {
    }

    /** A client asks for {@code url}; the right answer is the page for {@code expected}. */
    public record Request(String url, PageSpec expected) implements Event {
    }

    /** The product changed: the origin renders a new version and the cache is told to purge it. */
    public record Update(String sku) implements Event {
    }

    /** The seed of the measured stream when the grader names none (a plain test run, for example). */
    public static final long DEFAULT_SEED = 0x5EED_CAFEL;
    /** The system property through which the grader passes the seed it picked for one grading. */
    public static final String SEED_PROPERTY = "hotpath.workload.seed";

    /** A few products get most of the traffic, as in real shops. */
    private static final double POPULARITY_EXPONENT = 1.4;
    private static final int REQUESTS_PER_UPDATE = 1_000;
    private static final List<String> LOCALES = List.of("en-US", "de-DE", "en-GB", "fr-FR", "ja-JP");
    private static final double[] LOCALE_WEIGHTS = {0.5, 0.2, 0.1, 0.1, 0.1};
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");
    private static final Map<String, String> HOME_CURRENCY = Map.of(
            "en-US", "USD", "en-GB", "GBP", "de-DE", "EUR", "fr-FR", "EUR", "ja-JP", "JPY");
    private static final List<String> VARIANTS = List.of("red", "blue", "XL", "xl", "red&blue");
    private static final List<String> SOURCES = List.of("mail", "ads", "social", "partner");
    private static final List<String> CAMPAIGNS = List.of("spring-sale", "black-friday", "new-arrivals");

    private final List<Event> events;
    private final int requests;

    private RequestStream(List<Event> events, int requests) {
        this.events = List.copyOf(events);
        this.requests = requests;
    }

    /**
     * The stream the exercise is measured on: generated from the seed of this grading, so that no
     * submission can know it in advance; the same for the starter and the submission.
     */
    public static RequestStream standard() {
        return generate(measuredSeed(), 30_000, 400);
    }

    /** The seed the grader picked for this grading ({@value #SEED_PROPERTY}), or {@link #DEFAULT_SEED}. */
    public static long measuredSeed() {
        String seed = System.getProperty(SEED_PROPERTY);
        if (seed == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + SEED_PROPERTY + " must be a whole number, got \""
                    + seed + "\"", e);
        }
    }

    /**
     * Generates a stream.
     *
     * @param seed     the random seed; equal arguments give equal streams
     * @param requests how many page requests
     * @param products how many products in the catalog (popularity follows a power law)
     */
    public static RequestStream generate(long seed, int requests, int products) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> catalog = catalog(random, products);
        double[] popularity = powerLaw(products);
        List<Event> events = new ArrayList<>(requests + requests / REQUESTS_PER_UPDATE);
        for (int i = 1; i <= requests; i++) {
            String sku = catalog.get(pick(random, popularity));
            PageSpec spec = spec(random, sku);
            events.add(new Request(url(random, spec), spec));
            if (i % REQUESTS_PER_UPDATE == 0) {
                events.add(new Update(catalog.get(pick(random, popularity))));
            }
        }
        return new RequestStream(events, requests);
    }

    public List<Event> events() {
        return events;
    }

    public int requests() {
        return requests;
    }

    /** SKUs like {@code AB-1042}; a few also exist in lower case as separate products. */
    private static List<String> catalog(SplittableRandom random, int size) {
        List<String> skus = new ArrayList<>(size);
        while (skus.size() < size) {
            String sku = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                    + "-" + (1000 + random.nextInt(9000));
            if (skus.contains(sku)) {
                continue;
            }
            skus.add(sku);
            if (skus.size() < size && random.nextInt(20) == 0) {
                skus.add(sku.toLowerCase(Locale.ROOT));
            }
        }
        Collections.shuffle(skus, new java.util.Random(random.nextLong()));
        return skus;
    }

    private static double[] powerLaw(int size) {
        double[] cumulative = new double[size];
        double total = 0;
        for (int rank = 0; rank < size; rank++) {
            total += 1.0 / Math.pow(rank + 1, POPULARITY_EXPONENT);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= total;
        }
        return cumulative;
    }

    private static int pick(SplittableRandom random, double[] cumulative) {
        double x = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static PageSpec spec(SplittableRandom random, String sku) {
        String locale = LOCALES.get(pick(random, cumulative(LOCALE_WEIGHTS)));
        String currency = random.nextInt(100) < 95 ? HOME_CURRENCY.get(locale)
                : CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        String variant = random.nextInt(100) < 90 ? "" : VARIANTS.get(random.nextInt(VARIANTS.size()));
        return new PageSpec(sku, locale, currency, variant);
    }

    private static double[] cumulative(double[] weights) {
        double[] result = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            result[i] = sum;
        }
        result[weights.length - 1] = 1.0;
        return result;
    }

    /** Writes {@code spec} the way many different clients would. */
    private static String url(SplittableRandom random, PageSpec spec) {
        List<String> params = new ArrayList<>();
        boolean defaultLocale = spec.locale().equals("en-US");
        if (!defaultLocale || random.nextInt(100) < 40) {
            params.add("locale=" + messyCase(random, spec.locale()));
        } else if (random.nextInt(100) < 5) {
            params.add(random.nextBoolean() ? "locale=" : "locale=pt-BR");
        }
        boolean homeCurrency = spec.currency().equals(HOME_CURRENCY.get(spec.locale()));
        if (!homeCurrency || random.nextInt(100) < 30) {
            params.add("currency=" + messyCase(random, spec.currency()));
        }
        if (!spec.variant().isEmpty()) {
            params.add("variant=" + spec.variant().replace("&", "%26"));
        } else if (random.nextInt(100) < 3) {
            params.add("variant=");
        }
        addTracking(random, params);
        if (random.nextInt(100) < 3) {
            params.add("Locale=" + LOCALES.get(random.nextInt(LOCALES.size())));
        }
        Collections.shuffle(params, new java.util.Random(random.nextLong()));
        if (random.nextInt(100) < 2 && params.stream().anyMatch(p -> p.startsWith("currency="))) {
            params.add("currency=" + CURRENCIES.get(random.nextInt(CURRENCIES.size())));
        }
        String path = "/products/" + (random.nextInt(100) < 5 ? spec.sku().replace("-", "%2D") : spec.sku());
        return params.isEmpty() ? path : path + "?" + String.join("&", params);
    }

    private static void addTracking(SplittableRandom random, List<String> params) {
        if (random.nextInt(100) < 40) {
            params.add("utm_source=" + SOURCES.get(random.nextInt(SOURCES.size())));
        }
        if (random.nextInt(100) < 30) {
            params.add("utm_medium=" + (random.nextBoolean() ? "email" : "cpc"));
        }
        if (random.nextInt(100) < 20) {
            params.add("utm_campaign=" + CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size())));
        }
        if (random.nextInt(100) < 55) {
            params.add("sessionid=" + Long.toHexString(random.nextLong()));
        }
        if (random.nextInt(100) < 25) {
            params.add("_=" + (1_700_000_000_000L + random.nextInt(1_000_000_000)));
        }
        if (random.nextInt(100) < 5) {
            params.add("gclid=" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        if (random.nextInt(100) < 10) {
            params.add("ref=" + (random.nextBoolean() ? "home" : "search"));
        }
    }

    private static String messyCase(SplittableRandom random, String value) {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (roll < 18) {
            return value.toUpperCase(Locale.ROOT);
        }
        if (roll < 22) {
            return value.replace("-", "%2D");
        }
        return value;
    }
}
