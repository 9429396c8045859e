package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The basics. The grader also runs hidden tests that check the traps described in the README. */
@DisplayName("Order JSON writer basics")
class OrderJsonWriterTest {

    private final OrderJsonWriter writer = new OrderJsonWriter();

    @Test
    @DisplayName("writes the README's example order exactly")
    void writesTheDocumentedExample() {
        Order order = new Order(4_700_000_123L, Instant.parse("2024-02-29T23:59:59.999Z"),
                new Customer(123_456, "Ana \"Ani\" Silva", "customer123456@example.com"),
                List.of(new LineItem("SKU-10442", "Kaffeebohnen 1 kg", 2, 1_499),
                        new LineItem("SKU-40000", "Gift wrap 🎁", 1, 300),
                        new LineItem("COUPON-1234", "Rabatt −10 %", 1, -150)),
                "Bitte klingeln\nHinterhaus");

        String expected = "{\"id\":4700000123,\"placedAt\":\"2024-02-29T23:59:59.999Z\","
                + "\"customer\":{\"id\":123456,\"name\":\"Ana \\\"Ani\\\" Silva\",\"email\":\"customer123456@example.com\"},"
                + "\"items\":[{\"sku\":\"SKU-10442\",\"name\":\"Kaffeebohnen 1 kg\",\"quantity\":2,\"unitPrice\":14.99},"
                + "{\"sku\":\"SKU-40000\",\"name\":\"Gift wrap 🎁\",\"quantity\":1,\"unitPrice\":3.00},"
                + "{\"sku\":\"COUPON-1234\",\"name\":\"Rabatt −10 %\",\"quantity\":1,\"unitPrice\":-1.50}],"
                + "\"note\":\"Bitte klingeln\\u000aHinterhaus\"}";
        assertEquals(expected, text(writer.serialize(order)));
    }

    @Test
    @DisplayName("an order without items or note")
    void emptyOrder() {
        Order order = new Order(7, Instant.parse("1970-01-01T00:00:00Z"), new Customer(0, "", ""), List.of(), "");

        assertEquals("{\"id\":7,\"placedAt\":\"1970-01-01T00:00:00.000Z\",\"customer\":{\"id\":0,\"name\":\"\","
                + "\"email\":\"\"},\"items\":[],\"note\":\"\"}", text(writer.serialize(order)));
    }

    @Test
    @DisplayName("matches the reference byte for byte on 500 seeded orders")
    void matchesTheReference() {
        CheckedOrders orders = CheckedOrders.of(Orders.realistic(42, 500));

        for (int i = 0; i < orders.size(); i++) {
            try {
                orders.verify(i, writer.serialize(orders.order(i)));
            } catch (IllegalStateException e) {
                fail(e.getMessage());
            }
        }
    }

    private static String text(ByteBuffer json) {
        byte[] bytes = new byte[json.remaining()];
        json.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
