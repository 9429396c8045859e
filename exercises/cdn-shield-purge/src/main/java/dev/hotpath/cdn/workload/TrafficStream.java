package dev.hotpath.cdn.workload;

import dev.hotpath.cdn.origin.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible ten minutes of a site's global traffic: requests at eight edge locations for
 * product pages (in many spellings of a few languages), a personalised account page (signed in or
 * not, with tracking cookies) and static files, and now and then a product update, which is purged
 * at once.
 */
public final class TrafficStream {

    /** One step of the stream. */
    public sealed interface Event permits Arrival, Update {
        long at();
    }

    /** A client's request reaches an edge. */
    public record Arrival(Request request) implements Event {
        @Override
        public long at() {
            return request.at();
        }
    }

    /** The page at {@code path} changes at {@code at}: the origin renders a new version and the CDN is told to purge it. */
    public record Update(String path, long at) implements Event {
    }

    /** The system property the grader sets to choose the workload; the same for the starter and the submission. */
    public static final String SEED_PROPERTY = "hotpath.workload.seed";

    /** The seed when the property is absent, so that local runs reproduce the README's numbers. */
    public static final long DEFAULT_SEED = 0xCD4_5EEDL;

    public static final int EDGES = 8;
    public static final int PRODUCTS = 400;

    /** Cumulative shares of traffic per edge: the first edge takes 25 %, the last 5 %. */
    private static final double[] EDGE_CDF = {0.25, 0.45, 0.60, 0.70, 0.80, 0.88, 0.95, 1.0};
    private static final List<String> ACCEPT_LANGUAGES = List.of(
            "en-US,en;q=0.9", "en-GB,en;q=0.8", "en", "de-DE,de;q=0.9,en;q=0.8", "de", "de-AT,de;q=0.9",
            "de-CH", "fr-FR,fr;q=0.9", "fr-CA,fr;q=0.8,en;q=0.5", "fr", "es-ES,es;q=0.9", "es-ES,es;q=0.9,fr;q=0.6",
            "ja-JP", "", "EN-us", "DE-de");
    private static final List<String> STATIC_FILES = List.of("/static/app.js", "/static/app.css", "/static/logo.svg");
    private static final int USERS = 300;
    private static final int REQUESTS_PER_UPDATE = 1_000;

    private final List<Event> events;
    private final int requests;

    private TrafficStream(List<Event> events, int requests) {
        this.events = List.copyOf(events);
        this.requests = requests;
    }

    /** The stream the origin-fetch counter is measured on: 100,000 requests, seeded from {@link #SEED_PROPERTY}. */
    public static TrafficStream standard() {
        return generate(Long.getLong(SEED_PROPERTY, DEFAULT_SEED), 100_000);
    }

    /** A stream of {@code requests} requests over about {@code requests * 6} ms of simulated time. */
    public static TrafficStream generate(long seed, int requests) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] productCdf = zipf(PRODUCTS, 1.1);
        List<Event> events = new ArrayList<>(requests + requests / REQUESTS_PER_UPDATE);
        long at = 0;
        for (int i = 1; i <= requests; i++) {
            at += (long) (-Math.log(1 - random.nextDouble()) * 6);        // about 170 requests per second
            int edge = pick(EDGE_CDF, random.nextDouble());
            double kind = random.nextDouble();
            String path = kind < 0.8 ? "/products/" + (1 + pick(productCdf, random.nextDouble()))
                    : kind < 0.9 ? "/account" : STATIC_FILES.get(random.nextInt(STATIC_FILES.size()));
            String language = ACCEPT_LANGUAGES.get(random.nextInt(ACCEPT_LANGUAGES.size()));
            events.add(new Arrival(new Request(edge, at, path, language, cookie(random))));
            if (i % REQUESTS_PER_UPDATE == 0) {
                events.add(new Update("/products/" + (1 + pick(productCdf, random.nextDouble())), at));
            }
        }
        return new TrafficStream(events, requests);
    }

    public List<Event> events() {
        return events;
    }

    public int requests() {
        return requests;
    }

    /** Every visitor carries a tracking id; about half are signed in; cookies come in any order. */
    private static String cookie(SplittableRandom random) {
        List<String> cookies = new ArrayList<>();
        cookies.add("_ga=GA1.2." + random.nextInt(1_000_000_000));
        if (random.nextBoolean()) {
            cookies.add("session=u" + (1 + random.nextInt(USERS)));
        }
        if (random.nextInt(4) == 0) {
            cookies.add("theme=" + (random.nextBoolean() ? "dark" : "light"));
        }
        for (int i = cookies.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            cookies.set(i, cookies.set(j, cookies.get(i)));
        }
        return String.join(random.nextBoolean() ? "; " : ";", cookies);
    }

    private static double[] zipf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            cdf[i] = sum += 1 / Math.pow(i + 1, exponent);
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    /** The first index whose cumulative share exceeds {@code u}. */
    private static int pick(double[] cdf, double u) {
        for (int i = 0; i < cdf.length; i++) {
            if (u < cdf[i]) {
                return i;
            }
        }
        return cdf.length - 1;
    }
}
