package dev.hotpath.orders.store;

/** An order as the store keeps it. */
public record Order(long id, long customerId, long placedAt) {
}
