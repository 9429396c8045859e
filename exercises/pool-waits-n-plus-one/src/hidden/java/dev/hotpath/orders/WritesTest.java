package dev.hotpath.orders;

import dev.hotpath.orders.store.Line;
import dev.hotpath.orders.store.Order;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A page shows the orders as they are when it is served, whatever was written since the last one. */
@DisplayName("Writes between requests")
class WritesTest {

    private final HistoryFixture fixture = new HistoryFixture();

    @Test
    @DisplayName("a line added to an order appears on the next page")
    void addedLineAppears() {
        long order = fixture.orders(9, 3, 2);
        assertEquals(6, fixture.page(9).lines());
        fixture.store.addLine(new Line(order, "SKU-new", 1, 4_200));
        assertEquals(7, fixture.page(9).lines());
    }

    @Test
    @DisplayName("a new order appears on the next page")
    void newOrderAppears() {
        fixture.orders(9, 2, 1);
        fixture.page(9);
        fixture.store.addOrder(new Order(900, 9, 900));
        fixture.store.addLine(new Line(900, "SKU-900", 1, 100));
        assertEquals(3, fixture.page(9).orders());
    }
}
