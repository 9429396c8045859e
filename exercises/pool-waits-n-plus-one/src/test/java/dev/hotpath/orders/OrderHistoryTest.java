package dev.hotpath.orders;

import dev.hotpath.orders.page.Page;
import dev.hotpath.orders.page.Renderer;
import dev.hotpath.orders.store.Line;
import dev.hotpath.orders.store.Order;
import dev.hotpath.orders.store.Store;
import dev.hotpath.orders.workload.OrderTraffic;
import dev.hotpath.orders.workload.Replay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The basics. The grader also runs hidden tests that check the traps described in the README. */
@DisplayName("Order history basics")
class OrderHistoryTest {

    private final Store store = new Store(0);
    private final OrderHistory history = new OrderHistory(store, new Renderer(store));

    @Test
    @DisplayName("the page shows the customer's orders and all their lines")
    void pageShowsOrdersAndLines() {
        store.addOrder(new Order(1, 7, 0));
        store.addOrder(new Order(2, 7, 1));
        store.addLine(new Line(1, "SKU-1", 1, 500));
        store.addLine(new Line(2, "SKU-2", 2, 250));
        store.addLine(new Line(2, "SKU-3", 1, 990));

        Page page = history.page(7);

        assertEquals(2, page.orders());
        assertEquals(3, page.lines());
    }

    @Test
    @DisplayName("a customer without orders gets an empty page")
    void customerWithoutOrders() {
        assertEquals(0, history.page(8).orders());
    }

    @Test
    @DisplayName("a seeded stream of 2,000 visits is served right throughout")
    void seededStreamIsServedRight() {
        OrderTraffic traffic = OrderTraffic.generate(7, 2_000);
        Replay replay = new Replay(traffic, 0);

        assertDoesNotThrow(() -> replay.serve(traffic.visits()));
    }
}
