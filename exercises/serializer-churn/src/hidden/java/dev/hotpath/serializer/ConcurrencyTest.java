package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several threads serialize at the same time. Each thread has its own seeded batch (different
 * orders of different lengths), so any bytes one thread's call leaves in another's output show up
 * as a mismatch.
 *
 * <p>Why it fails reliably on two cores, even on a busy machine: four threads start together and
 * keep serializing for a fixed window of time (at least one full pass over their batch), so they
 * overlap on both cores and are preempted mid-call over and over. Counting orders instead of time
 * would not do: on a loaded machine a thread can finish a fixed count inside one time slice,
 * before the others even run. The first corrupted output stops every thread.
 */
@DisplayName("Concurrency: many threads serializing at once")
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ORDERS_PER_THREAD = 400;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    @Test
    @DisplayName("one writer shared by four threads")
    void oneWriterSharedByThreads() throws Exception {
        OrderJsonWriter shared = new OrderJsonWriter();
        run(() -> shared, "4 threads sharing one writer");
    }

    @Test
    @DisplayName("four writers, each used by its own thread")
    void separateWritersOnSeparateThreads() throws Exception {
        run(OrderJsonWriter::new, "4 threads, each with its own writer (nothing shared between them)");
    }

    @Test
    @DisplayName("one writer shared by nine threads")
    void oneWriterSharedByNineThreads() throws Exception {
        // More threads than a fixed set of eight scratch buffers has slots: whatever picks a thread's
        // buffer (a hash, an id), some threads share one.
        OrderJsonWriter shared = new OrderJsonWriter();
        run(() -> shared, "9 threads sharing one writer", 9);
    }

    private static void run(Supplier<OrderJsonWriter> writers, String situation) throws Exception {
        run(writers, situation, THREADS);
    }

    private static void run(Supplier<OrderJsonWriter> writers, String situation, int threads) throws Exception {
        // As many orders in all whatever the thread count: the window, not the batch, keeps threads busy.
        int perThread = ORDERS_PER_THREAD * THREADS / threads;
        List<CheckedOrders> batches = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Order> mixed = new ArrayList<>(Orders.realistic(0xC0C0L + t, perThread * 3 / 4));
            mixed.addAll(Orders.hostile(0xD0D0L + t, perThread / 4));
            batches.add(CheckedOrders.of(mixed));
        }
        Expect.rightOnOneThread(batches, "concurrent use");

        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicBoolean broken = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                CheckedOrders batch = batches.get(t);
                int thread = t;
                workers.add(pool.submit(() -> {
                    OrderJsonWriter writer = writers.get();
                    start.await();
                    long end = System.nanoTime() + WINDOW_NANOS;
                    // Cycling gives every pass new order numbers, so the outputs keep changing.
                    for (long position = 0; !broken.get() && (position < batch.size() || System.nanoTime() < end);
                         position++) {
                        try {
                            batch.verify(position, writer.serialize(batch.orderAt(position)));
                        } catch (IllegalStateException e) {
                            broken.set(true);
                            throw new AssertionError("with " + situation + ", thread " + thread + "'s "
                                    + e.getMessage() + "; the same order is serialized correctly on one thread,"
                                    + " so calls on other threads changed this call's output", e);
                        } catch (RuntimeException e) {
                            broken.set(true);
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            AssertionError firstWrong = null;
            Throwable firstThrown = null;
            for (Future<?> worker : workers) {
                try {
                    worker.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError assertion) {
                        firstWrong = firstWrong == null ? assertion : firstWrong;
                    } else {
                        firstThrown = firstThrown == null ? e.getCause() : firstThrown;
                    }
                }
            }
            if (firstWrong != null) {
                throw firstWrong;
            }
            if (firstThrown != null) {
                fail("with " + situation + ", serialize threw " + firstThrown
                        + "; the same orders are serialized fine on one thread", firstThrown);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
