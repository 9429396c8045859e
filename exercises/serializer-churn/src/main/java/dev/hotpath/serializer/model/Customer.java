package dev.hotpath.serializer.model;

import java.util.Objects;

/**
 * The customer who placed an order. Immutable.
 *
 * @param id    the customer number, {@code >= 0}
 * @param name  the customer's name, any text (never null)
 * @param email the customer's e-mail address, any text (never null); the shop does not validate it
 */
public record Customer(long id, String name, String email) {

    public Customer {
        if (id < 0) {
            throw new IllegalArgumentException("customer id must not be negative: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
