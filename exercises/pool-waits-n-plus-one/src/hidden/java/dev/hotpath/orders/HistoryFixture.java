package dev.hotpath.orders;

import dev.hotpath.orders.page.Page;
import dev.hotpath.orders.page.Renderer;
import dev.hotpath.orders.store.Line;
import dev.hotpath.orders.store.Order;
import dev.hotpath.orders.store.Store;
import dev.hotpath.orders.workload.Replay;

import static org.junit.jupiter.api.Assertions.fail;

/** A small store and an OrderHistory over it; asks for pages and fails with the property that broke. */
final class HistoryFixture {

    final Store store = new Store(0);
    final OrderHistory history = new OrderHistory(store, new Renderer(store));
    private long nextOrder = 1;
    private long at;

    /** Gives {@code customerId} {@code orders} orders of {@code linesEach} lines; returns the first order's id. */
    long orders(long customerId, int orders, int linesEach) {
        long first = nextOrder;
        for (int i = 0; i < orders; i++) {
            long id = nextOrder++;
            store.addOrder(new Order(id, customerId, id));
            for (int k = 0; k < linesEach; k++) {
                store.addLine(new Line(id, "SKU-" + id + "-" + k, 1 + k, 100L * (k + 1)));
            }
        }
        return first;
    }

    Page page(long customerId) {
        store.arrive(at += 10_000);
        Page page = null;
        try {
            page = history.page(customerId);
            Replay.check(store, customerId, page);
        } catch (IllegalStateException | IllegalArgumentException wrong) {
            fail("the page of customer " + customerId + ": " + wrong.getMessage());
        }
        return page;
    }
}
