package dev.hotpath.productapi.store;

import dev.hotpath.productapi.sim.Permits;
import dev.hotpath.productapi.sim.Simulation;

/**
 * A pool of connections to a {@link Store}. {@link #acquire()} hands out a free connection, or waits
 * (first come, first served) until one is given back.
 */
public final class ConnectionPool {

    private final Store store;
    private final int size;
    private final Permits connections;

    public ConnectionPool(Store store, int size) {
        this.store = store;
        this.size = size;
        this.connections = new Permits("pool connection", size);
        store.pools.add(connections);
    }

    public int size() {
        return size;
    }

    /** A connection of your own until you close it; waits while all {@link #size()} are taken. */
    public Connection acquire() {
        long waited = connections.acquire();
        if (Simulation.current() != null) {
            Simulation.currentFiber().trace().poolWaitMicros += waited;
        }
        return new Connection(this, store);
    }

    /** How many connections are free right now. */
    public int free() {
        return connections.free();
    }

    void release() {
        connections.release();
    }
}
