package dev.hotpath.serializer.model;

import java.util.Objects;

/**
 * One line of an order. Immutable.
 *
 * @param sku            the stock-keeping unit, any text (never null)
 * @param name           the product name as shown to the customer, any text (never null)
 * @param quantity       how many, {@code >= 1}
 * @param unitPriceCents the price of one unit in cents: any {@code long} except {@link Long#MIN_VALUE}
 *                       (whose magnitude has no {@code long}); negative for discounts and coupons,
 *                       zero for free items
 */
public record LineItem(String sku, String name, int quantity, long unitPriceCents) {

    public LineItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        if (unitPriceCents == Long.MIN_VALUE) {
            throw new IllegalArgumentException("unitPriceCents must not be Long.MIN_VALUE");
        }
    }
}
