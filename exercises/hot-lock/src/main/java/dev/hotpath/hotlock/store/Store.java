package dev.hotpath.hotlock.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The account store, a stand-in for a database across the network. Every {@link #write(List)} is one
 * round trip, whatever the number of rows, and it needs one of a few pooled connections.
 *
 * <ul>
 *   <li><b>Round trip.</b> A write takes about {@link #ROUND_TRIP} (between half and one and a half
 *       times it, varying like a real network). The calling thread waits: it is parked, not
 *       computing, so round trips overlap only if several threads make them at once.</li>
 *   <li><b>Connection pool.</b> At most {@link #connections()} writes are in progress at once; a
 *       caller that finds every connection busy waits for one, first come first served.</li>
 *   <li><b>Batch limit.</b> A write may carry at most {@link #maxBatchSize()} rows. A larger batch is
 *       rejected with an {@link IllegalArgumentException} and nothing of it is written.</li>
 *   <li><b>Commit order.</b> The rows of a write become visible when its round trip ends. Two writes
 *       in progress at once may finish in either order.</li>
 *   <li><b>Failures.</b> A store made with {@code failEvery} fails some writes with a
 *       {@link StoreUnavailableException} after their round trip: nothing of that batch was written, and
 *       writing it again succeeds. The standard store never fails.</li>
 *   <li><b>Unwritten limit.</b> The service promises that at most {@link #maxUnwritten()} accepted
 *       updates are missing from the store at any moment (see {@code AccountProcessor}); the store
 *       itself cannot check this, the service's callers do.</li>
 * </ul>
 *
 * <p>The store records every row it commits, in commit order, and counts its round trips: the
 * exercise's tests, benchmark and cost counters read them. Thread-safe.
 */
public final class Store {

    /** Mean round trip of the standard store. */
    public static final Duration ROUND_TRIP = Duration.ofMillis(1);
    /** Connections of the standard store. */
    public static final int CONNECTIONS = 4;
    /** Rows per write the standard store accepts. */
    public static final int MAX_BATCH_SIZE = 50;
    /** Accepted but unwritten updates the standard store's users may have at any moment. */
    public static final int MAX_UNWRITTEN = 1_000;
    /** Seed of the standard store's latency variation. */
    public static final long SEED = 0x5709EL;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long roundTripNanos;
    private final int connections;
    private final int maxBatchSize;
    private final int maxUnwritten;
    private final long seed;
    private final int failEvery;
    private final Semaphore pool;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong rejectedBatches = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicInteger largestBatch = new AtomicInteger();
    private final List<Update> log = new ArrayList<>(); // guarded by itself
    /** Per thread: wall and CPU nanoseconds spent inside round trips of this store. */
    private final ThreadLocal<long[]> roundTripsOfThread = ThreadLocal.withInitial(() -> new long[2]);

    /** The standard store: 1 ms round trips, 4 connections, at most 50 rows per write, 1,000 unwritten. */
    public Store() {
        this(ROUND_TRIP, CONNECTIONS, MAX_BATCH_SIZE, MAX_UNWRITTEN, SEED);
    }

    /** A store that is always available; see {@link #Store(Duration, int, int, int, long, int)}. */
    public Store(Duration roundTrip, int connections, int maxBatchSize, int maxUnwritten, long seed) {
        this(roundTrip, connections, maxBatchSize, maxUnwritten, seed, 0);
    }

    /**
     * @param roundTrip    mean duration of one write (zero for none)
     * @param connections  writes that may be in progress at once
     * @param maxBatchSize rows one write may carry
     * @param maxUnwritten accepted updates that may be missing from the store at any moment
     * @param seed         seed of the round-trip variation; equal seeds vary equally
     * @param failEvery    every this many write attempts, one fails with a {@link StoreUnavailableException}
     *                     after its round trip, writing nothing; 0 for a store that never fails
     */
    public Store(Duration roundTrip, int connections, int maxBatchSize, int maxUnwritten, long seed, int failEvery) {
        if (roundTrip.isNegative() || connections < 1 || maxBatchSize < 1 || maxUnwritten < maxBatchSize
                || failEvery < 0 || failEvery == 1) {
            throw new IllegalArgumentException("need a non-negative round trip, at least one connection, a batch"
                    + " size of at least 1, an unwritten limit of at least the batch size, and failEvery 0 or at least 2");
        }
        this.failEvery = failEvery;
        this.roundTripNanos = roundTrip.toNanos();
        this.connections = connections;
        this.maxBatchSize = maxBatchSize;
        this.maxUnwritten = maxUnwritten;
        this.seed = seed;
        this.pool = new Semaphore(connections, true);
    }

    /**
     * Writes the rows in one round trip, waiting first for a free connection if all are busy. The
     * rows are copied when the call starts; they are committed, in list order, when it returns.
     *
     * @throws IllegalArgumentException  if the batch has more than {@link #maxBatchSize()} rows
     * @throws StoreUnavailableException if the store was unavailable: nothing was written, write it again
     * @throws NullPointerException     if the batch or one of its rows is null
     */
    public void write(List<Update> batch) {
        int size = batch.size();
        largestBatch.accumulateAndGet(size, Math::max);
        if (size > maxBatchSize) {
            rejectedBatches.incrementAndGet();
            throw new IllegalArgumentException("the store rejected a batch of " + size + " rows: it accepts at most "
                    + maxBatchSize + " rows per write");
        }
        List<Update> rows = List.copyOf(batch);
        pool.acquireUninterruptibly();
        try {
            long call = roundTrips.incrementAndGet();
            roundTrip(call);
            if (failEvery > 0 && call % failEvery == 0) {
                failedWrites.incrementAndGet();
                throw new StoreUnavailableException(call);
            }
            synchronized (log) {
                log.addAll(rows);
            }
            rowsWritten.addAndGet(size);
        } finally {
            pool.release();
        }
    }

    public int connections() {
        return connections;
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public int maxUnwritten() {
        return maxUnwritten;
    }

    /** Round trips made: writes that reached the store, failed ones included (rejected batches are not counted). */
    public long roundTrips() {
        return roundTrips.get();
    }

    /** Rows committed so far. */
    public long rowsWritten() {
        return rowsWritten.get();
    }

    /** Writes that failed with a {@link StoreUnavailableException} (counted in {@link #roundTrips()} too). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Writes rejected because they carried more than {@link #maxBatchSize()} rows. */
    public long rejectedBatches() {
        return rejectedBatches.get();
    }

    /** The largest batch ever passed to {@link #write(List)}, rejected ones included. */
    public int largestBatch() {
        return largestBatch.get();
    }

    /** Every row committed so far, in commit order. */
    public List<Update> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * Nanoseconds the calling thread has spent inside round trips of this store (not waiting for a
     * connection): the harness subtracts them when it measures how long workers wait.
     */
    public long roundTripNanosOfCurrentThread() {
        return roundTripsOfThread.get()[0];
    }

    /**
     * CPU nanoseconds the calling thread used inside round trips of this store: parking and waking up
     * costs CPU too, and it is part of {@link #roundTripNanosOfCurrentThread()} already.
     */
    public long roundTripCpuNanosOfCurrentThread() {
        return roundTripsOfThread.get()[1];
    }

    /** Parks for this call's round trip: waiting, not computing, exactly like network I/O. */
    private void roundTrip(long call) {
        if (roundTripNanos == 0) {
            return;
        }
        long start = System.nanoTime();
        long cpu = cpuTime();
        long deadline = start + roundTripNanos / 2 + Math.floorMod(mix(seed + call), roundTripNanos);
        boolean interrupted = false;
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
            interrupted |= Thread.interrupted(); // an interrupt must not turn the wait into a spin
        }
        long[] spent = roundTripsOfThread.get();
        spent[1] += cpuTime() - cpu;
        spent[0] += System.nanoTime() - start;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
