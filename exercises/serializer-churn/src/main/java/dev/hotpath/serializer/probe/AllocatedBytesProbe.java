package dev.hotpath.serializer.probe;

import dev.hotpath.serializer.OrderJsonWriter;
import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The exercise's cost counter: bytes the calling thread allocates per {@link OrderJsonWriter#serialize}
 * call on a seeded batch of realistic orders, after a warm-up on a different batch.
 *
 * <p>How it stays (nearly) deterministic: {@code getThreadAllocatedBytes} counts every byte this
 * thread allocates, exactly, whatever the clock or other processes do. What can still move the
 * count is the JIT: as methods get compiled, escape analysis removes some temporary objects, so the
 * bytes per order step down over the first few thousand orders and then stay put. The probe warms
 * up, then measures the same batch in several passes (each under new order numbers, so nothing can
 * be answered from memory) and reports the lowest pass: the steady state the JIT reached.
 *
 * <p>Every output is checked against the reference as it is measured (the check allocates nothing),
 * so a writer that is cheap because it is wrong fails the counter instead of winning it.
 */
public final class AllocatedBytesProbe implements LongSupplier {

    static final long WARMUP_SEED = 0xA110CA7E1L;
    static final long MEASURED_SEED = 0xA110CA7E2L;
    static final int WARMUP_ORDERS = 1_000;
    static final int WARMUP_PASSES = 2;
    static final int MEASURED_ORDERS = 500;
    static final int MEASURED_PASSES = 4;

    @Override
    public long getAsLong() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();

        OrderJsonWriter writer = new OrderJsonWriter();
        CheckedOrders warmup = CheckedOrders.of(Orders.realistic(WARMUP_SEED, WARMUP_ORDERS));
        CheckedOrders measured = CheckedOrders.of(Orders.realistic(MEASURED_SEED, MEASURED_ORDERS));
        for (long position = 0; position < (long) WARMUP_PASSES * WARMUP_ORDERS; position++) {
            warmup.verify(position, writer.serialize(warmup.orderAt(position)));
        }

        // What reading the counter costs (nothing on current JDKs), so it can be taken off.
        long first = threads.getThreadAllocatedBytes(thread);
        long overhead = threads.getThreadAllocatedBytes(thread) - first;
        long lowest = Long.MAX_VALUE;
        for (int pass = 0; pass < MEASURED_PASSES; pass++) {
            long from = (long) pass * MEASURED_ORDERS;
            // Outside the measured window: from the second pass on, orderAt makes each order anew.
            Order[] orders = new Order[MEASURED_ORDERS];
            for (int i = 0; i < MEASURED_ORDERS; i++) {
                orders[i] = measured.orderAt(from + i);
            }
            long start = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < MEASURED_ORDERS; i++) {
                measured.verify(from + i, writer.serialize(orders[i]));
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - start - overhead;
            lowest = Math.min(lowest, allocated);
        }
        return Math.round((double) lowest / MEASURED_ORDERS);
    }
}
