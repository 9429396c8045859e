package dev.hotpath.productapi.store;

import dev.hotpath.productapi.sim.Gauge;
import dev.hotpath.productapi.sim.Permits;
import dev.hotpath.productapi.sim.Simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The product store, reached over the network through a {@link ConnectionPool}.
 *
 * <p>Cost model, in virtual time: every query is one round trip of {@value #NETWORK_MICROS} µs of
 * network plus {@value #EXECUTE_MICROS} µs of execution plus {@value #ROW_MICROS} µs per row returned
 * or changed. The store runs up to {@link #concurrencyCap()} queries at full speed; every query in
 * flight beyond that slows every query it meets by {@value #OVERLOAD_PERCENT} % of its execution
 * (lock and buffer contention inside the store), so more connections than the cap make it slower, not
 * faster. Reads see the rows as they are when the query starts; a write is visible when its round trip
 * ends. At most {@link #maxInList()} ids go in one {@code IN} list.
 */
public final class Store {

    public static final long NETWORK_MICROS = 300;
    public static final long EXECUTE_MICROS = 400;
    public static final long ROW_MICROS = 10;
    public static final int OVERLOAD_PERCENT = 100;
    public static final int CONCURRENCY_CAP = 4;
    public static final int MAX_IN_LIST = 16;

    private record Key(String tenant, long id) {
    }

    /** A price a product had from a virtual time on. */
    public record Version(long fromMicros, long priceCents) {
    }

    private final int concurrencyCap;
    private final int maxInList;
    private final Map<Key, Product> rows = new HashMap<>();
    private final Map<Key, List<Version>> history = new HashMap<>();
    private final Map<String, List<Long>> categories = new HashMap<>();
    /** The pools of every service using this store, for reports. */
    final List<Permits> pools = new ArrayList<>();
    private final Gauge inFlightGauge = new Gauge();
    private long roundTrips;
    private long realNanosPerRoundTrip;
    private int inFlight;
    private int maxInFlight;

    public Store(Collection<Product> products) {
        this(products, CONCURRENCY_CAP, MAX_IN_LIST);
    }

    public Store(Collection<Product> products, int concurrencyCap, int maxInList) {
        this.concurrencyCap = concurrencyCap;
        this.maxInList = maxInList;
        Map<String, TreeSet<Product>> byCategory = new HashMap<>();
        for (Product product : products) {
            Key key = new Key(product.tenant(), product.id());
            if (rows.put(key, product) != null) {
                throw new IllegalArgumentException("two products " + key);
            }
            history.put(key, new ArrayList<>(List.of(new Version(0, product.priceCents()))));
            byCategory.computeIfAbsent(product.tenant() + "/" + product.category(), c -> new TreeSet<>(
                    Comparator.comparing(Product::name).thenComparingLong(Product::id))).add(product);
        }
        byCategory.forEach((category, set) -> categories.put(category, set.stream().map(Product::id).toList()));
    }

    /** How many queries the store runs at full speed at once. */
    public int concurrencyCap() {
        return concurrencyCap;
    }

    /** How many ids one {@code IN} list may hold. */
    public int maxInList() {
        return maxInList;
    }

    /** Round trips so far. */
    public long roundTrips() {
        return roundTrips;
    }

    /** The most queries that were in flight at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Makes every round trip also cost {@code nanos} of real time, spent computing on the calling
     * thread: the store's own work, done for real, so that a wall-clock benchmark of the simulation
     * follows the work the service sends to the store. Virtual time is not affected.
     */
    public void spendRealTimePerRoundTrip(long nanos) {
        this.realNanosPerRoundTrip = nanos;
    }

    /** Queries in flight, over time. */
    public Gauge inFlight() {
        return inFlightGauge;
    }

    /** The connections of every pool made for this store, and their waiters, for reports. */
    public List<Permits> pools() {
        return List.copyOf(pools);
    }

    /** The product as it is now, for checks; null if there is none. */
    public Product peek(String tenant, long id) {
        return rows.get(new Key(tenant, id));
    }

    /** Every price product {@code id} of {@code tenant} had, oldest first, for checks. */
    public List<Version> history(String tenant, long id) {
        return List.copyOf(history.getOrDefault(new Key(tenant, id), List.of()));
    }

    List<Product> select(String tenant, List<Long> ids) {
        Objects.requireNonNull(tenant, "tenant");
        List<Product> found = new ArrayList<>();
        for (long id : new TreeSet<>(ids)) {
            Product product = rows.get(new Key(tenant, id));
            if (product != null) {
                found.add(product);
            }
        }
        roundTrip(found.size());
        return found;
    }

    List<Long> idsInCategory(String tenant, String category, int limit) {
        List<Long> ids = categories.getOrDefault(tenant + "/" + category, List.of());
        List<Long> page = List.copyOf(ids.subList(0, Math.min(Math.max(limit, 0), ids.size())));
        roundTrip(page.size());
        return page;
    }

    int updatePrice(String tenant, long id, long priceCents) {
        Key key = new Key(tenant, id);
        roundTrip(1);
        Product product = rows.get(key);
        if (product == null) {
            return 0;
        }
        rows.put(key, new Product(tenant, id, product.name(), product.category(), priceCents));
        Simulation simulation = Simulation.current();
        history.get(key).add(new Version(simulation == null ? 0 : simulation.now(), priceCents));
        return 1;
    }

    /** Counts a round trip and lets its virtual time pass. */
    private void roundTrip(int rowCount) {
        roundTrips++;
        if (realNanosPerRoundTrip > 0) {
            long until = System.nanoTime() + realNanosPerRoundTrip;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        Simulation simulation = Simulation.current();
        if (simulation == null) {
            return;
        }
        inFlight++;
        inFlightGauge.add(1);
        maxInFlight = Math.max(maxInFlight, inFlight);
        long execute = EXECUTE_MICROS + ROW_MICROS * rowCount;
        long over = Math.max(0, inFlight - concurrencyCap);
        long micros = NETWORK_MICROS + execute + execute * over * OVERLOAD_PERCENT / 100;
        simulation.sleep(micros);
        inFlight--;
        inFlightGauge.add(-1);
        Simulation.currentFiber().trace().storeMicros += micros;
        Simulation.currentFiber().trace().roundTrips++;
    }
}
