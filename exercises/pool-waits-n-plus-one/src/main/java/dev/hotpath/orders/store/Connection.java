package dev.hotpath.orders.store;

import java.util.List;

/**
 * One of the store's pooled connections, held from {@link Store#connect()} until {@link #close()}.
 * Every query is one round trip. Not for use after {@code close()}.
 */
public final class Connection implements AutoCloseable {

    private final Store store;
    private final int slot;
    private boolean open = true;

    Connection(Store store, int slot) {
        this.store = store;
        this.slot = slot;
    }

    /** The customer's orders, oldest first: one round trip. */
    public Rows<Order> ordersOf(long customerId) {
        checkOpen("query");
        return new Rows<>(this, store.ordersOf(customerId));
    }

    /** The lines of one order: one round trip. */
    public Rows<Line> linesOf(long orderId) {
        checkOpen("query");
        return new Rows<>(this, store.linesOf(List.of(orderId)));
    }

    /**
     * The lines of several orders ({@code WHERE order_id IN (...)}): one round trip, whatever the
     * number of ids up to {@link Store#MAX_IN_LIST}. Lines come grouped by order, in the order of
     * {@code orderIds}.
     *
     * @throws IllegalArgumentException for more than {@link Store#MAX_IN_LIST} ids; nothing is read
     */
    public Rows<Line> linesOfOrders(List<Long> orderIds) {
        checkOpen("query");
        if (orderIds.size() > Store.MAX_IN_LIST) {
            throw new IllegalArgumentException("an IN list of " + orderIds.size() + " ids; the store accepts at most "
                    + Store.MAX_IN_LIST);
        }
        return new Rows<>(this, store.linesOf(orderIds));
    }

    /** Gives the connection back to the pool. Calling it again does nothing. */
    @Override
    public void close() {
        if (open) {
            open = false;
            store.release(slot);
        }
    }

    void checkOpen(String what) {
        if (!open) {
            throw new IllegalStateException("tried to " + what + " on a connection after it was given back to the pool");
        }
    }
}
