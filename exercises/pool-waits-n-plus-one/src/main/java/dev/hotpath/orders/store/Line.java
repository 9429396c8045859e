package dev.hotpath.orders.store;

/** One line of an order: a product, a quantity and the price paid, in cents. */
public record Line(long orderId, String sku, int quantity, long priceCents) {
}
