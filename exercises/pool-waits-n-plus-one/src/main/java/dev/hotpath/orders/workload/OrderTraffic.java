package dev.hotpath.orders.workload;

import dev.hotpath.orders.store.Line;
import dev.hotpath.orders.store.Order;
import dev.hotpath.orders.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible data set (customers, their orders and lines) and a stream of order-history
 * requests against it, with a write now and then: a line added to an order of a customer who is
 * likely to look again soon.
 */
public final class OrderTraffic {

    /** One step of the stream. */
    public sealed interface Event permits Visit, Write {
    }

    /** A customer opens the order-history page at {@code at} (simulated microseconds). */
    public record Visit(long customerId, long at) implements Event {
    }

    /** A line is added to an order. */
    public record Write(Line line) implements Event {
    }

    /** The system property the grader sets to choose the workload; the same for the starter and the submission. */
    public static final String SEED_PROPERTY = "hotpath.workload.seed";

    /** The seed when the property is absent, so that local runs reproduce the README's numbers. */
    public static final long DEFAULT_SEED = 0x0DE7_5EEDL;

    public static final int CUSTOMERS = 2_000;
    private static final long MEAN_GAP_MICROS = 6_000;
    private static final int EVENTS_PER_WRITE = 25;

    private final List<Order> orders;
    private final List<Line> lines;
    private final List<Event> events;
    private final int visits;

    private OrderTraffic(List<Order> orders, List<Line> lines, List<Event> events, int visits) {
        this.orders = List.copyOf(orders);
        this.lines = List.copyOf(lines);
        this.events = List.copyOf(events);
        this.visits = visits;
    }

    /** The traffic the counters are measured on: 20,000 visits, seeded from {@link #SEED_PROPERTY}. */
    public static OrderTraffic standard() {
        return generate(Long.getLong(SEED_PROPERTY, DEFAULT_SEED), 20_000);
    }

    public static OrderTraffic generate(long seed, int visits) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Order> orders = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<List<Order>> byCustomer = new ArrayList<>();
        long orderId = 1_000;
        for (int customer = 1; customer <= CUSTOMERS; customer++) {
            // Most customers have a few orders; a few loyal ones have hundreds (more than one IN list holds).
            int count = random.nextInt(100) < 3 ? 120 + random.nextInt(140) : 1 + (int) (-Math.log(1 - random.nextDouble()) * 9);
            List<Order> own = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Order order = new Order(orderId++, customer, 1_600_000_000_000L + random.nextInt(1_000_000_000));
                own.add(order);
                for (int k = 1 + random.nextInt(6); k > 0; k--) {
                    lines.add(line(random, order.id()));
                }
            }
            orders.addAll(own);
            byCustomer.add(own);
        }
        double[] cdf = zipf(CUSTOMERS, 1.0);
        List<Event> events = new ArrayList<>();
        long at = 0;
        for (int i = 1; i <= visits; i++) {
            at += 1 + (long) (-Math.log(1 - random.nextDouble()) * MEAN_GAP_MICROS);
            events.add(new Visit(1 + pick(cdf, random.nextDouble()), at));
            if (i % EVENTS_PER_WRITE == 0) {
                List<Order> own = byCustomer.get(pick(cdf, random.nextDouble()));
                events.add(new Write(line(random, own.get(random.nextInt(own.size())).id())));
            }
        }
        return new OrderTraffic(orders, lines, events, visits);
    }

    /** A store holding the data set as it is before the stream starts. */
    public Store newStore(int workPerRoundTrip) {
        Store store = new Store(workPerRoundTrip);
        orders.forEach(store::addOrder);
        lines.forEach(store::addLine);
        return store;
    }

    public List<Event> events() {
        return events;
    }

    public int visits() {
        return visits;
    }

    private static Line line(SplittableRandom random, long orderId) {
        return new Line(orderId, "SKU-" + random.nextInt(50_000), 1 + random.nextInt(4), 100 + random.nextInt(20_000));
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
        int low = 0;
        int high = cdf.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
