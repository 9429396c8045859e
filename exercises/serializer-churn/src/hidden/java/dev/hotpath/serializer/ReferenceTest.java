package dev.hotpath.serializer;

import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/** Byte-identical output to the reference encoder, on the shop's orders and on hostile ones. */
@DisplayName("Reference: byte-identical output on seeded batches")
class ReferenceTest {

    private final OrderJsonWriter writer = new OrderJsonWriter();

    @Test
    @DisplayName("2,000 realistic orders are byte-identical to the reference")
    void realisticOrders() {
        check(CheckedOrders.of(Orders.realistic(0xBA7C4L, 2_000)), "realistic");
    }

    @Test
    @DisplayName("2,000 hostile orders (every field anywhere in its range) are byte-identical to the reference")
    void hostileOrders() {
        check(CheckedOrders.of(Orders.hostile(0x4057113L, 2_000)), "hostile");
    }

    private void check(CheckedOrders orders, String kind) {
        for (int i = 0; i < orders.size(); i++) {
            try {
                orders.verify(i, writer.serialize(orders.order(i)));
            } catch (IllegalStateException e) {
                fail("the output must be byte-identical to the documented format; in the seeded batch of " + kind
                        + " orders, " + e.getMessage());
            }
        }
    }
}
