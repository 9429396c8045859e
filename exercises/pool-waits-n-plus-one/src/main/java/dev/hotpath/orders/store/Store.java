package dev.hotpath.orders.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order database, simulated: a pool of {@link #POOL_SIZE} connections, a round trip of
 * {@link #ROUND_TRIP_MICROS} per query plus a little per row, and a clock in simulated microseconds.
 * The simulation serves one request at a time in order of arrival; a request that finds every
 * connection held waits, in simulated time, for the first one given back, as requests arriving
 * together would. The store records round trips, how long each request waited for a connection and
 * how long it held connections.
 */
public final class Store {

    public static final int POOL_SIZE = 4;
    public static final int MAX_IN_LIST = 100;
    public static final long ROUND_TRIP_MICROS = 1_000;
    public static final long MICROS_PER_ROW = 5;

    private final int workPerRoundTrip;
    private final Map<Long, List<Order>> orders = new HashMap<>();
    private final Map<Long, List<Line>> lines = new HashMap<>();
    private final long[] freeAt = new long[POOL_SIZE];
    private final long[] heldSince = new long[POOL_SIZE];
    private long now;
    private long lastArrival;
    private long roundTrips;
    private long requestWait;
    private long requestHold;
    private long sink;

    /** @param workPerRoundTrip units of CPU work per query, a stand-in for the driver's own cost; 0 for probes and tests */
    public Store(int workPerRoundTrip) {
        this.workPerRoundTrip = workPerRoundTrip;
    }

    /** Adds an order (the data set is built before the simulation starts, or written during it). */
    public void addOrder(Order order) {
        orders.computeIfAbsent(order.customerId(), id -> new ArrayList<>()).add(order);
        lines.putIfAbsent(order.id(), new ArrayList<>());
    }

    /** A write: a line is added to an existing order. */
    public void addLine(Line line) {
        List<Line> of = lines.get(line.orderId());
        if (of == null) {
            throw new IllegalArgumentException("no order " + line.orderId());
        }
        of.add(line);
    }

    /** For the simulation: the next request arrives at {@code at} (simulated microseconds, never going back). */
    public void arrive(long at) {
        if (at < lastArrival) {
            throw new IllegalArgumentException("requests arrive in order of time: " + at + " < " + lastArrival);
        }
        lastArrival = at;
        now = at;
        requestWait = 0;
        requestHold = 0;
    }

    /** Takes a connection from the pool, waiting (in simulated time) for the first one given back if all are held. */
    public Connection connect() {
        int slot = 0;
        for (int i = 1; i < POOL_SIZE; i++) {
            if (freeAt[i] < freeAt[slot]) {
                slot = i;
            }
        }
        if (freeAt[slot] == Long.MAX_VALUE) {
            throw new IllegalStateException("all " + POOL_SIZE + " connections are held and none will be given back:"
                    + " a connection was not closed");
        }
        if (freeAt[slot] > now) {
            requestWait += freeAt[slot] - now;
            now = freeAt[slot];
        }
        freeAt[slot] = Long.MAX_VALUE;
        heldSince[slot] = now;
        return new Connection(this, slot);
    }

    /** Simulated time passes for the current request, e.g. while it renders. */
    public void spend(long micros) {
        now += micros;
    }

    public long now() {
        return now;
    }

    public long roundTrips() {
        return roundTrips;
    }

    /** How long the current request has waited for connections so far. */
    public long requestWaitMicros() {
        return requestWait;
    }

    /** How long the current request has held connections so far (summed over the ones it has given back). */
    public long requestHoldMicros() {
        return requestHold;
    }

    /** The customer's orders and their lines as they are now: what a page must show. */
    public List<Order> currentOrders(long customerId) {
        return List.copyOf(orders.getOrDefault(customerId, List.of()));
    }

    public List<Line> currentLines(long orderId) {
        return List.copyOf(lines.getOrDefault(orderId, List.of()));
    }

    List<Order> ordersOf(long customerId) {
        List<Order> found = currentOrders(customerId);
        roundTrip(found.size());
        return found;
    }

    List<Line> linesOf(List<Long> orderIds) {
        List<Line> found = new ArrayList<>();
        for (long id : orderIds) {
            found.addAll(lines.getOrDefault(id, List.of()));
        }
        roundTrip(found.size());
        return found;
    }

    void release(int slot) {
        freeAt[slot] = now;
        requestHold += now - heldSince[slot];
    }

    private void roundTrip(int rows) {
        roundTrips++;
        now += ROUND_TRIP_MICROS + rows * MICROS_PER_ROW;
        long h = sink;
        for (int i = 0; i < workPerRoundTrip; i++) {
            h = h * 31 + i;
        }
        sink = h;
    }
}
