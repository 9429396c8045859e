package dev.hotpath.hotlock.workload;

import dev.hotpath.hotlock.AccountProcessor;
import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.store.Store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The worker pool of the service: {@code workers} threads take events from one shared queue, in
 * stream order, and hand each to {@link AccountProcessor#process(Event)}; when the queue is empty
 * and every worker is done, {@link AccountProcessor#close()} is called once.
 *
 * <p>While it runs, the pool measures two things the exercise is graded on:
 * <ul>
 *   <li><b>Waited time</b>: for every {@code process} and {@code close} call, its wall time minus the
 *       time the calling thread spent in its own store round trips
 *       ({@link Store#roundTripNanosOfCurrentThread()}) minus the CPU time it used outside them. What
 *       is left is time the worker was neither computing nor making a round trip: blocked on a
 *       monitor, parked on a lock or a condition, queued for a connection, waiting for another
 *       thread, or ready but without a free core. A worker that waits for a round trip that another
 *       thread makes (behind a hot lock, on a future) is waiting.</li>
 *   <li><b>Unwritten updates</b>: right after each {@code process} call returns, the number of
 *       returned calls minus the rows the store has committed. Its maximum must stay within
 *       {@link Store#maxUnwritten()}.</li>
 * </ul>
 *
 * <p>Optionally the events <em>arrive</em> at a fixed rate instead of all being queued at the start:
 * a worker with nothing to do idles until the next event arrives, and idling is not waiting. And
 * optionally the workers stop taking events after a while: every event taken is still processed, and
 * the processor is closed as usual; the events processed are then the first {@link Run#processed()}
 * of the list.
 */
public final class Workers {

    /** Worker threads of the standard pool. */
    public static final int STANDARD_WORKERS = 16;
    /** How long a run may take before the pool gives up on it. */
    public static final long DEADLINE_SECONDS = 8;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * What happened in one run.
     *
     * @param processed    events whose {@code process} call returned
     * @param elapsedNanos wall time from the first event to the end of {@code close()}
     * @param waitedNanos  time the workers (and {@code close()}) waited, summed over threads
     * @param maxUnwritten largest number of returned but unwritten updates seen after a {@code process} call
     * @param failure      why the run failed (an exception, a timeout), or null
     */
    public record Run(long processed, long elapsedNanos, long waitedNanos, long maxUnwritten, String failure) {

        /** This run, if it did not fail. */
        public Run checked() {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return this;
        }
    }

    private Workers() {
    }

    /** Runs {@code events} through {@code workers} threads as fast as they go, then closes the processor. */
    public static Run run(AccountProcessor processor, Store store, List<Event> events, int workers) {
        return run(processor, store, events, workers, 0, Duration.ZERO);
    }

    /**
     * Runs {@code events} through {@code workers} threads, then closes the processor.
     *
     * @param eventsPerSecond the rate the events arrive at; 0 for all at once
     * @param takeFor         how long the workers keep taking events; zero for as long as there are any
     */
    public static Run run(AccountProcessor processor, Store store, List<Event> events, int workers,
                          double eventsPerSecond, Duration takeFor) {
        if (workers < 1 || eventsPerSecond < 0 || takeFor.isNegative()) {
            throw new IllegalArgumentException("need at least one worker, a non-negative rate and time");
        }
        long takeForNanos = takeFor.isZero() ? Long.MAX_VALUE : takeFor.toNanos();
        double nanosPerEvent = eventsPerSecond == 0 ? 0 : 1e9 / eventsPerSecond;
        AtomicInteger next = new AtomicInteger();
        AtomicLong returned = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        long[] waited = new long[workers + 1];
        long[] maxUnwritten = new long[workers];
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];

        List<Thread> threads = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(daemon("worker-" + w, () -> {
                awaitUninterruptibly(go);
                for (int index; failure.get() == null && System.nanoTime() - start[0] < takeForNanos
                        && (index = next.getAndIncrement()) < events.size(); ) {
                    Event event = events.get(index);
                    if (nanosPerEvent > 0) {
                        idleUntil(start[0] + (long) (index * nanosPerEvent));
                    }
                    Stopwatch watch = new Stopwatch(store);
                    try {
                        processor.process(event);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, "process(" + event + ") threw " + t);
                        return;
                    }
                    waited[worker] += watch.waited();
                    long unwritten = returned.incrementAndGet() - store.rowsWritten();
                    if (unwritten > maxUnwritten[worker]) {
                        maxUnwritten[worker] = unwritten;
                    }
                }
            }));
        }
        start[0] = System.nanoTime();
        long deadline = start[0] + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        threads.forEach(Thread::start);
        go.countDown();
        String stuck = joinAll(threads, deadline, "process()");
        if (stuck != null) {
            failure.compareAndSet(null, stuck);
        }
        if (failure.get() == null) {
            Thread closer = daemon("closer", () -> {
                Stopwatch watch = new Stopwatch(store);
                try {
                    processor.close();
                } catch (Throwable t) {
                    failure.compareAndSet(null, "close() threw " + t);
                    return;
                }
                waited[workers] = watch.waited();
            });
            closer.start();
            stuck = joinAll(List.of(closer), deadline, "close()");
            if (stuck != null) {
                failure.compareAndSet(null, stuck);
            }
        }
        long elapsed = System.nanoTime() - start[0];
        return new Run(returned.get(), elapsed, Arrays.stream(waited).sum(),
                Arrays.stream(maxUnwritten).max().orElse(0), failure.get());
    }

    /** Measures one call on the current thread: started when created, read by {@link #waited()}. */
    private static final class Stopwatch {

        private final Store store;
        private final long wall;
        private final long cpu;
        private final long trips;
        private final long tripsCpu;

        Stopwatch(Store store) {
            this.store = store;
            this.trips = store.roundTripNanosOfCurrentThread();
            this.tripsCpu = store.roundTripCpuNanosOfCurrentThread();
            this.cpu = cpuTime();
            this.wall = System.nanoTime();
        }

        /** Wall time since creation, minus own round trips, minus CPU time used outside them; at least 0. */
        long waited() {
            long wallNow = System.nanoTime();
            long cpuNow = cpuTime();
            long inTrips = store.roundTripNanosOfCurrentThread() - trips;
            long cpuInTrips = store.roundTripCpuNanosOfCurrentThread() - tripsCpu;
            // Two clocks are compared, so a call that did not wait can come out a few microseconds below
            // zero; a call cannot wait less than nothing.
            return Math.max(0, (wallNow - wall) - inTrips - ((cpuNow - cpu) - cpuInTrips));
        }
    }

    /** Waits for the threads until the deadline; describes the ones still running, or returns null. */
    private static String joinAll(List<Thread> threads, long deadline, String call) {
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for the workers";
            }
        }
        List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
        if (alive.isEmpty()) {
            return null;
        }
        Thread example = alive.get(0);
        String where = Arrays.stream(example.getStackTrace()).limit(8).map(frame -> "\n    at " + frame)
                .collect(Collectors.joining());
        return "after " + DEADLINE_SECONDS + " s, " + alive.size() + " thread(s) were still inside " + call
                + " (are they waiting for each other, or for something that never happens?); "
                + example.getName() + " is " + example.getState() + where;
    }

    private static void idleUntil(long due) {
        for (long left; (left = due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: the run has not started yet
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
