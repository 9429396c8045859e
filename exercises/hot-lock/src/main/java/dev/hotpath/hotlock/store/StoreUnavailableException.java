package dev.hotpath.hotlock.store;

/**
 * The store could not take a write this time (a dropped connection, a failover): nothing of the batch
 * was written, and the same write made again succeeds once the store is back.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(long call) {
        super("the store was unavailable for write #" + call + "; nothing of the batch was written");
    }
}
