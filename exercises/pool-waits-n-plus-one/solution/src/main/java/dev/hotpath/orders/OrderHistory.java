package dev.hotpath.orders;

import dev.hotpath.orders.page.Page;
import dev.hotpath.orders.page.Renderer;
import dev.hotpath.orders.store.Connection;
import dev.hotpath.orders.store.Line;
import dev.hotpath.orders.store.Order;
import dev.hotpath.orders.store.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order-history endpoint: a customer's orders with their lines, rendered as a page.
 *
 * <p>The contract (the README has the details):
 * <ul>
 *   <li>{@link #page} returns the page the {@link Renderer} makes from the customer's orders and
 *       every order's lines <em>as they are in the store when the request is served</em>; writes
 *       can land between any two requests.</li>
 *   <li>Rows of a query can be read only while its connection is held; every connection taken
 *       from the store is given back before {@code page} returns.</li>
 *   <li>A query's {@code IN} list holds at most {@link Store#MAX_IN_LIST} ids.</li>
 * </ul>
 * The simulation calls it from one thread, one request at a time.
 *
 * <p>Two round trips for most customers (orders, then all their lines in one {@code IN} query, in
 * chunks of the store's cap), copied out, and the connection is given back before rendering.
 */
public final class OrderHistory {

    private final Store store;
    private final Renderer renderer;

    public OrderHistory(Store store, Renderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    public Page page(long customerId) {
        List<Order> orders;
        Map<Long, List<Line>> lines = new HashMap<>();
        try (Connection connection = store.connect()) {
            orders = connection.ordersOf(customerId).toList();
            List<Long> ids = new ArrayList<>(orders.size());
            for (Order order : orders) {
                ids.add(order.id());
            }
            for (int from = 0; from < ids.size(); from += Store.MAX_IN_LIST) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + Store.MAX_IN_LIST));
                for (Line line : connection.linesOfOrders(chunk).toList()) {
                    lines.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(line);
                }
            }
        }
        return renderer.render(customerId, orders, lines); // no connection held while rendering
    }
}
