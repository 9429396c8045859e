package dev.hotpath.productapi.workload;

import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.store.Product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The seeded catalog and the open-loop request stream: requests arrive at their own pace (exponential
 * gaps, {@value #REQUESTS_PER_SECOND} per virtual second on average), whether the service keeps up or
 * not. Products are {@value #PRODUCTS_PER_TENANT} per tenant with ids 1, 2, …; popularity follows a
 * Zipf law, so a few products get most of the reads. The mix is 70 % product reads, 25 % category
 * pages and 5 % price updates.
 *
 * <p>The seed comes from the system property {@value #SEED_PROPERTY} (the grader picks one per grading
 * and gives the starter and the submission the same), {@value #DEFAULT_SEED} without it.
 */
public final class Workload {

    public static final String SEED_PROPERTY = "hotpath.workload.seed";
    public static final long DEFAULT_SEED = 20_261_201L;
    public static final List<String> TENANTS = List.of("acme", "globex", "initech");
    public static final List<String> CATEGORIES = List.of("audio", "books", "cameras", "garden", "kitchen",
            "lighting", "outdoor", "tools", "toys", "travel");
    public static final int PRODUCTS_PER_TENANT = 400;
    public static final int REQUESTS = 4_000;
    public static final int REQUESTS_PER_SECOND = 4_000;

    private static final double[] TENANT_WEIGHTS = {0.5, 0.3, 0.2};
    private static final double ZIPF_EXPONENT = 1.1;
    private static final List<String> ADJECTIVES = List.of("Compact", "Deluxe", "Quiet", "Rugged", "Smart",
            "Classic", "Foldable", "Wireless", "Solar", "Ceramic", "Bamboo", "Steel");
    private static final List<String> NOUNS = List.of("Lamp", "Kettle", "Speaker", "Tent", "Drill", "Notebook",
            "Camera", "Backpack", "Planter", "Puzzle", "Skillet", "Lantern", "Headphones", "Saw");

    private final long seed;

    public Workload(long seed) {
        this.seed = seed;
    }

    /** The workload of the seed in {@value #SEED_PROPERTY}, or of {@value #DEFAULT_SEED}. */
    public static Workload standard() {
        return new Workload(seed());
    }

    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    public long seedValue() {
        return seed;
    }

    /** Every product of every tenant; the same products for the same seed. */
    public List<Product> catalog() {
        Random random = new Random(seed);
        List<Product> products = new ArrayList<>();
        for (String tenant : TENANTS) {
            for (long id = 1; id <= PRODUCTS_PER_TENANT; id++) {
                String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " "
                        + NOUNS.get(random.nextInt(NOUNS.size())) + " " + (char) ('A' + random.nextInt(26))
                        + random.nextInt(100);
                String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
                products.add(new Product(tenant, id, name, category, 199 + random.nextInt(50_000)));
            }
        }
        return products;
    }

    /** The first {@code count} requests of the stream. */
    public List<Request> requests(int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] zipf = zipf(PRODUCTS_PER_TENANT);
        List<Request> requests = new ArrayList<>(count);
        double clock = 0;
        for (int i = 0; i < count; i++) {
            clock += -StrictMath.log(1 - random.nextDouble()) * 1_000_000.0 / REQUESTS_PER_SECOND;
            long at = (long) clock;
            String id = String.format(Locale.ROOT, "req-%06d-%08x", i, random.nextInt());
            String tenant = TENANTS.get(pick(random.nextDouble(), TENANT_WEIGHTS));
            double kind = random.nextDouble();
            // Each tenant's popular products differ: rank r maps to a tenant-specific id.
            long product = popular(tenant, pick(random.nextDouble(), zipf));
            if (kind < 0.70) {
                requests.add(new Request.GetProduct(id, at, tenant, product));
            } else if (kind < 0.95) {
                requests.add(new Request.ListCategory(id, at, tenant,
                        CATEGORIES.get(random.nextInt(CATEGORIES.size()))));
            } else {
                requests.add(new Request.UpdatePrice(id, at, tenant, product, 199 + random.nextInt(50_000)));
            }
        }
        return requests;
    }

    public List<Request> requests() {
        return requests(REQUESTS);
    }

    private static long popular(String tenant, int rank) {
        int offset = TENANTS.indexOf(tenant) * 131;
        return (rank * 7L + offset) % PRODUCTS_PER_TENANT + 1;
    }

    private static int pick(double u, double[] weights) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (u < sum) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Zipf probabilities of ranks 0..n-1. */
    private static double[] zipf(int n) {
        double[] p = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            p[i] = 1 / StrictMath.pow(i + 1, ZIPF_EXPONENT);
            total += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= total;
        }
        return p;
    }
}
