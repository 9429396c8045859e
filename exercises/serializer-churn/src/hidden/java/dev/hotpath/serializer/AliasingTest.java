package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** A returned buffer belongs to the caller: later calls must never change its bytes. */
@DisplayName("Aliasing: returned bytes never change")
class AliasingTest {

    @Test
    @DisplayName("bytes returned earlier survive later calls on the same thread")
    void earlierResultsSurviveLaterCalls() {
        List<Order> mixed = new ArrayList<>(Orders.realistic(0xA11A5L, 60));
        mixed.addAll(Orders.hostile(0xA11A6L, 20));
        CheckedOrders orders = CheckedOrders.of(mixed);
        Expect.rightOnOneThread(List.of(orders), "whether returned bytes change later");
        OrderJsonWriter writer = new OrderJsonWriter();

        ByteBuffer[] results = new ByteBuffer[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            results[i] = writer.serialize(orders.order(i));
            orders.verify(i, results[i]); // right when it is returned, as checked above
        }
        for (int i = 0; i < orders.size(); i++) {
            try {
                orders.verify(i, results[i]);
            } catch (IllegalStateException e) {
                fail("the buffer serialize returned for order #" + i + " was right when it was returned, but changed"
                        + " during the " + (orders.size() - 1 - i) + " later calls on the same thread; the caller"
                        + " owns a returned buffer and its bytes must never change. Now " + e.getMessage());
            }
        }
    }
}
