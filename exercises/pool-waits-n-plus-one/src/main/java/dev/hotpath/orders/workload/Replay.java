package dev.hotpath.orders.workload;

import dev.hotpath.orders.OrderHistory;
import dev.hotpath.orders.page.Page;
import dev.hotpath.orders.page.Renderer;
import dev.hotpath.orders.store.Store;
import dev.hotpath.orders.workload.OrderTraffic.Event;
import dev.hotpath.orders.workload.OrderTraffic.Visit;
import dev.hotpath.orders.workload.OrderTraffic.Write;

import java.util.Arrays;
import java.util.List;

/**
 * Serves {@link OrderTraffic} through one {@link OrderHistory}, one visit at a time in order of
 * arrival, and records what each visit cost: round trips, time waiting for a connection, time
 * holding one. Every page is checked by the {@link Renderer}. At the end of the stream it starts
 * again with a fresh store and a fresh {@code OrderHistory}. The probes, the benchmark and the tests
 * all use it.
 */
public final class Replay {

    private final OrderTraffic traffic;
    private final List<Event> events;
    private final int workPerRoundTrip;
    private final long[] waits;
    private final long[] holds;
    private Store store;
    private OrderHistory history;
    private int position;
    private int visitsThisRound;
    private long checksum;

    /** @param workPerRoundTrip the store's CPU work per query (see {@link Store#Store(int)}) */
    public Replay(OrderTraffic traffic, int workPerRoundTrip) {
        this.traffic = traffic;
        this.events = traffic.events();
        this.workPerRoundTrip = workPerRoundTrip;
        this.waits = new long[traffic.visits()];
        this.holds = new long[traffic.visits()];
        startRound();
    }

    /**
     * Serves the next {@code visits} visits, applying the writes between them.
     *
     * @return a checksum of every page served so far
     * @throws IllegalStateException if a page is built from wrong or outdated rows, or the pool runs dry for good
     */
    public long serve(int visits) {
        for (int done = 0; done < visits; ) {
            if (position == events.size()) {
                startRound();
            }
            Event event = events.get(position++);
            if (event instanceof Visit visit) {
                store.arrive(visit.at());
                Page page = history.page(visit.customerId());
                check(store, visit.customerId(), page);
                waits[visitsThisRound] = store.requestWaitMicros();
                holds[visitsThisRound] = store.requestHoldMicros();
                visitsThisRound++;
                checksum = checksum * 31 + page.checksum();
                done++;
            } else {
                store.addLine(((Write) event).line());
            }
        }
        return checksum;
    }

    /**
     * A page must be the customer's, and show every line the customer's orders have now: a page kept
     * from before a write is outdated.
     *
     * @throws IllegalStateException naming what is wrong
     */
    public static void check(Store store, long customerId, Page page) {
        if (page == null || page.customerId() != customerId) {
            throw new IllegalStateException("the page for customer " + customerId + " was "
                    + (page == null ? "null" : "the page of customer " + page.customerId()));
        }
        int lines = 0;
        for (var order : store.currentOrders(customerId)) {
            lines += store.currentLines(order.id()).size();
        }
        if (page.lines() != lines) {
            throw new IllegalStateException("the page for customer " + customerId + " shows " + page.lines()
                    + " order lines, but the customer's orders have " + lines + " now: the page is outdated");
        }
    }

    /** Round trips in the current round. */
    public long roundTrips() {
        return store.roundTrips();
    }

    /** The 99th percentile of the time visits of the current round waited for a connection, in microseconds. */
    public long p99WaitMicros() {
        return percentile(waits, 0.99);
    }

    /** The mean time visits of the current round held connections, in microseconds. */
    public long meanHoldMicros() {
        return visitsThisRound == 0 ? 0 : Arrays.stream(holds, 0, visitsThisRound).sum() / visitsThisRound;
    }

    private long percentile(long[] values, double quantile) {
        if (visitsThisRound == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, visitsThisRound);
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1];
    }

    private void startRound() {
        store = traffic.newStore(workPerRoundTrip);
        history = new OrderHistory(store, new Renderer(store));
        position = 0;
        visitsThisRound = 0;
    }
}
