package dev.hotpath.productapi.sim;

/**
 * Where one request's virtual time went, by resource. The server creates one per request; the pool,
 * the store and the CPU add to it.
 */
public final class Trace {

    /** Waiting for a free server thread, from arrival until a thread picked the request up. */
    public long serverQueueMicros;
    /** Waiting for a connection from the pool. */
    public long poolWaitMicros;
    /** Store round trips: network, queueing in the store and executing the query. */
    public long storeMicros;
    /** How many round trips the request made. */
    public long roundTrips;
    /** Waiting for a free core. */
    public long cpuWaitMicros;
    /** Computing: rendering JSON and the like, charged by counted operations. */
    public long cpuMicros;
}
