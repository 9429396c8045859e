package dev.hotpath.hotlock.probe;

import dev.hotpath.hotlock.AccountProcessor;
import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import dev.hotpath.hotlock.workload.Workers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Cost counter: nanoseconds the standard pool of 16 workers spends waiting per event processed, while
 * events of the standard stream arrive at {@value #EVENTS_PER_SECOND} per second and go to the
 * standard store (1 ms round trips, 4 connections, 50 rows per write). Waiting is measured by
 * {@link Workers}: the wall time of each process() and close() call, minus the thread's own round
 * trips, minus the CPU time it used; what is left is time spent blocked on a lock, queued for a
 * connection, waiting for another thread or for a free core.
 *
 * <p>That rate is well within what the store absorbs when round trips overlap and carry many rows,
 * and far beyond what it absorbs one row at a time, or one batch at a time behind one lock. So a
 * processor that keeps round trips out of the workers' way leaves them almost never waiting, while
 * one that makes them queue behind a lock held across a round trip, or behind the connection pool,
 * piles up waiting time with every event.
 *
 * <p>It is a timing, and a busy machine lengthens it, so the manifest marks it {@code timing: true}:
 * the grader runs it many times in each JVM, in A B / B A pairs with the starter, and decides by the
 * median pair ratio and its confidence interval, as for a benchmark; one unlucky run cannot decide.
 * Each call is one run: it offers {@value #EVENTS} events but stops taking new ones after
 * {@value #TAKE_MILLIS} ms; the starter gets through about ninety of them, which is plenty to know
 * what each one costs.
 */
public final class WaitedTimeProbe implements LongSupplier {

    public static final int EVENTS = 1_000;
    public static final int EVENTS_PER_SECOND = 80_000;
    public static final long TAKE_MILLIS = 100;

    private static final int WARM_UP_ROUNDS = 2;
    private static final Duration WARM_UP_ROUND_TRIP = Duration.ofNanos(20_000);
    private static final Duration WARM_UP_TAKE = Duration.ofMillis(50);

    /** Whether this JVM has run the warm-up: the grader makes a new probe for every run. */
    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    @Override
    public long getAsLong() {
        if (!WARMED_UP.getAndSet(true)) {
            warmUp();
        }
        return measure(new Store(), EventStream.standard().first(EVENTS), Duration.ofMillis(TAKE_MILLIS));
    }

    /**
     * The first run comes in a fresh JVM. Go through the same code paths (round trips, the pool, paced
     * arrivals) on other events with much shorter round trips first, so that class loading and the JIT
     * compiler, which compete with the workers for the two cores, are mostly done before the timed runs:
     * time a worker spends ready but without a core counts as waiting.
     */
    private static void warmUp() {
        List<Event> warmUp = new EventStream(EventStream.measuredSeed() + 1, EventStream.ACCOUNTS, EventStream.SKEW).first(EVENTS);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            Store quick = new Store(WARM_UP_ROUND_TRIP, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN,
                    Store.SEED);
            measure(quick, warmUp, WARM_UP_TAKE);
        }
        System.gc(); // a collection now rather than a pause during the timed runs
    }

    /** One checked run; returns the nanoseconds waited per event processed. */
    private static long measure(Store store, List<Event> events, Duration takeFor) {
        AccountProcessor processor = new AccountProcessor(store);
        Workers.Run run = Workers.run(processor, store, events, Workers.STANDARD_WORKERS, EVENTS_PER_SECOND, takeFor)
                .checked();
        Probes.checkUnwritten(run, store);
        Audit.verify(store, processor, events.subList(0, (int) run.processed()));
        return run.waitedNanos() / Math.max(1, run.processed());
    }
}
