package dev.hotpath.orders.page;

import dev.hotpath.orders.store.Line;
import dev.hotpath.orders.store.Order;
import dev.hotpath.orders.store.Store;

import java.util.List;
import java.util.Map;

/**
 * Renders a customer's order history. Rendering takes simulated time ({@link #BASE_MICROS} plus
 * {@link #MICROS_PER_LINE} per line), connection or not. It checks what it is given against the
 * store as it is now, so a page built from wrong or outdated rows fails loudly.
 */
public final class Renderer {

    public static final long BASE_MICROS = 300;
    public static final long MICROS_PER_LINE = 40;

    private final Store store;

    public Renderer(Store store) {
        this.store = store;
    }

    /**
     * Renders the page of a customer's order history from the orders and lines the caller read.
     *
     * @param orders        the customer's orders, oldest first
     * @param linesByOrder  every order's lines, in the order the store returns them
     * @throws IllegalStateException if the orders or lines are not the customer's current ones
     */
    public Page render(long customerId, List<Order> orders, Map<Long, List<Line>> linesByOrder) {
        List<Order> current = store.currentOrders(customerId);
        if (!current.equals(orders)) {
            throw new IllegalStateException("customer " + customerId + " has " + current.size()
                    + " orders now, but the page was given " + orders.size() + " (or others)");
        }
        long checksum = customerId;
        int lineCount = 0;
        for (Order order : orders) {
            List<Line> lines = linesByOrder.getOrDefault(order.id(), List.of());
            List<Line> now = store.currentLines(order.id());
            if (!now.equals(lines)) {
                throw new IllegalStateException("order " + order.id() + " has " + now.size() + " lines now, but the"
                        + " page was given " + lines.size() + (lines.size() == now.size() ? " different ones" : "")
                        + ": a page must show the order as it is when the request is served");
            }
            for (Line line : lines) {
                checksum = checksum * 31 + line.sku().hashCode() * 7L + line.quantity() * line.priceCents();
            }
            lineCount += lines.size();
        }
        store.spend(BASE_MICROS + MICROS_PER_LINE * lineCount);
        return new Page(customerId, orders.size(), lineCount, checksum);
    }
}
