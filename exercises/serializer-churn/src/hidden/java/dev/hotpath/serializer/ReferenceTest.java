package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Byte-identical output to the reference encoder, on the shop's orders and on hostile ones. */
@DisplayName("Reference: byte-identical output on seeded batches")
class ReferenceTest {

    /** Orders of the measured shape with hostile text: every hostile string kind shows up in fewer. */
    private static final int MEASURED_SHAPE_ORDERS = 300;

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

    @Test
    @DisplayName("orders shaped like the measured ones (this grading's seed) with hostile text are byte-identical too")
    void measuredShapeWithHostileText() {
        // The measured workload's ids, customers, timestamps and prices, with names, notes and item
        // names from the hostile generator: code that recognises the measured orders and takes a
        // shortcut for them is checked where it is measured.
        List<Order> measured = Orders.realistic(Orders.measuredSeed(), MEASURED_SHAPE_ORDERS);
        List<Order> hostile = Orders.hostile(Orders.measuredSeed() ^ 0x5A9EL, MEASURED_SHAPE_ORDERS);
        List<Order> mixed = new ArrayList<>(MEASURED_SHAPE_ORDERS);
        for (int i = 0; i < MEASURED_SHAPE_ORDERS; i++) {
            Order shape = measured.get(i);
            Order text = hostile.get(i);
            List<LineItem> items = new ArrayList<>();
            for (int j = 0; j < shape.items().size(); j++) {
                LineItem item = shape.items().get(j);
                String name = text.items().isEmpty() ? text.note() : text.items().get(j % text.items().size()).name();
                items.add(new LineItem(item.sku(), name, item.quantity(), item.unitPriceCents()));
            }
            mixed.add(new Order(shape.id(), shape.placedAt(), new Customer(shape.customer().id(), text.customer().name(),
                    shape.customer().email()), items, text.note()));
        }
        check(CheckedOrders.of(mixed), "measured-shape (this grading's seed, " + Orders.measuredSeed()
                + ") hostile-text");
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
