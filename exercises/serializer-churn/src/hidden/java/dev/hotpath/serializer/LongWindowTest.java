package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The caller owns a returned buffer for as long as it likes: results held while thousands of later
 * calls run, on the same thread and on others, through the same writer, must keep their bytes.
 * (Reuse that shows only after many calls, such as a ring of recycled output arrays, shows here.)
 */
@DisplayName("Long window: returned bytes survive thousands of later calls")
class LongWindowTest {

    private static final int POOL = 300;
    private static final int LATER_CALLS = 5_000;
    private static final int OTHER_THREADS = 3;

    @Test
    @DisplayName("results held across 5,000 later calls on this thread and 3 others stay intact")
    void heldResultsSurviveManyLaterCalls() throws Exception {
        List<Order> mixed = new ArrayList<>(Orders.realistic(0x10A6L, POOL - 60));
        mixed.addAll(Orders.hostile(0x10A7L, 60));
        CheckedOrders orders = CheckedOrders.of(mixed);
        Expect.rightOnOneThread(List.of(orders), "whether returned bytes change later");
        OrderJsonWriter writer = new OrderJsonWriter();

        List<Long> heldAt = new ArrayList<>();
        List<ByteBuffer> held = new ArrayList<>();
        AtomicReference<Throwable> otherFailed = new AtomicReference<>();
        List<Thread> others = new ArrayList<>();
        for (int t = 0; t < OTHER_THREADS; t++) {
            long offset = (t + 1) * 1_000_000L;
            Thread other = new Thread(() -> {
                try {
                    for (long i = 0; i < LATER_CALLS / 2; i++) {
                        orders.verify(offset + i, writer.serialize(orders.orderAt(offset + i)));
                    }
                } catch (Throwable e) {
                    otherFailed.compareAndSet(null, e);
                }
            });
            other.setDaemon(true);
            others.add(other);
        }
        for (long position = 0; position < LATER_CALLS; position++) {
            if (position == POOL) {
                others.forEach(Thread::start); // the other threads' calls overlap the rest of the window
            }
            ByteBuffer json = writer.serialize(orders.orderAt(position));
            if (position < POOL || position % 97 == 0) {
                orders.verify(position, json);
                heldAt.add(position);
                held.add(json);
            }
        }
        for (Thread other : others) {
            other.join(TimeUnit.SECONDS.toMillis(10));
        }
        for (int i = 0; i < held.size(); i++) {
            long position = heldAt.get(i);
            try {
                orders.verify(position, held.get(i));
            } catch (IllegalStateException e) {
                fail("the buffer serialize returned for call #" + position + " was right when it was returned, but"
                        + " changed during the " + (LATER_CALLS - 1 - position) + " later calls on this thread (and "
                        + OTHER_THREADS + " other threads' calls); the caller owns a returned buffer and its bytes must"
                        + " never change. Now " + e.getMessage());
            }
        }
        if (otherFailed.get() != null) {
            fail("while this thread held earlier results, a call on another thread sharing the writer failed: "
                    + otherFailed.get(), otherFailed.get());
        }
    }
}
