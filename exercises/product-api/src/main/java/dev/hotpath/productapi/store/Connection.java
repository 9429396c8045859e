package dev.hotpath.productapi.store;

import java.util.Collection;
import java.util.List;

/**
 * A connection borrowed from a {@link ConnectionPool}. Every query is one round trip to the store;
 * {@link #close()} gives the connection back. Use it from one request at a time.
 */
public final class Connection implements AutoCloseable {

    private final ConnectionPool pool;
    private final Store store;
    private boolean closed;

    Connection(ConnectionPool pool, Store store) {
        this.pool = pool;
        this.store = store;
    }

    /** The product {@code id} of {@code tenant}: one row, or none if there is no such product. */
    public Rows<Product> product(String tenant, long id) {
        check();
        return new Rows<>(this, store.select(tenant, List.of(id)));
    }

    /**
     * The products of {@code tenant} whose ids are in {@code ids} ({@code WHERE id IN (…)}), ordered by
     * id; ids without a product are left out. At most {@link Store#maxInList()} ids per query: the store
     * rejects a longer list with {@link IllegalArgumentException}.
     */
    public Rows<Product> products(String tenant, Collection<Long> ids) {
        check();
        if (ids.size() > store.maxInList()) {
            throw new IllegalArgumentException("IN list of " + ids.size() + " ids; this store accepts at most "
                    + store.maxInList());
        }
        return new Rows<>(this, store.select(tenant, List.copyOf(ids)));
    }

    /** Up to {@code limit} ids of the products of {@code tenant} in {@code category}, in listing order (by name, then id). */
    public Rows<Long> productIdsInCategory(String tenant, String category, int limit) {
        check();
        return new Rows<>(this, store.idsInCategory(tenant, category, limit));
    }

    /** Sets the price of product {@code id} of {@code tenant}; returns the number of rows changed (0 or 1). */
    public int updatePrice(String tenant, long id, long priceCents) {
        check();
        return store.updatePrice(tenant, id, priceCents);
    }

    /** Whether this connection went back to the pool. */
    public boolean isClosed() {
        return closed;
    }

    /** Gives the connection back to the pool. A second call does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.release();
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("a query on a connection that went back to the pool");
        }
    }
}
