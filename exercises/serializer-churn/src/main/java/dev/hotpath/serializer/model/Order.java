package dev.hotpath.serializer.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * An order as the shop stores it. Immutable; the constructor enforces the ranges below, so a writer
 * never has to handle anything outside them.
 *
 * @param id       the order number, {@code >= 0}
 * @param placedAt when the order was placed, from {@link #EARLIEST} to {@link #LATEST} (years 0001
 *                 to 9999, so the year always has four digits); the shop keeps milliseconds, so the
 *                 constructor truncates finer digits
 * @param customer who placed it
 * @param items    the line items, in order; may be empty
 * @param note     the customer's free-text note, any text at all (any script, emoji, control
 *                 characters, even malformed UTF-16); empty if there is none, never null
 */
public record Order(long id, Instant placedAt, Customer customer, List<LineItem> items, String note) {

    /** The earliest timestamp an order may carry: 0001-01-01T00:00:00.000Z. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest timestamp an order may carry: 9999-12-31T23:59:59.999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public Order {
        if (id < 0) {
            throw new IllegalArgumentException("order id must not be negative: " + id);
        }
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(note, "note");
        placedAt = placedAt.truncatedTo(ChronoUnit.MILLIS);
        if (placedAt.isBefore(EARLIEST) || placedAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("placedAt must lie in the years 0001 to 9999: " + placedAt);
        }
        items = List.copyOf(items); // also rejects null items
    }

    /** The same order under another order number. */
    public Order withId(long newId) {
        return new Order(newId, placedAt, customer, items, note);
    }
}
