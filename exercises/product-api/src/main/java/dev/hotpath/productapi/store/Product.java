package dev.hotpath.productapi.store;

/** A product row. Ids are unique within a tenant only: every tenant has a product 1, 2, 3, … */
public record Product(String tenant, long id, String name, String category, long priceCents) {
}
