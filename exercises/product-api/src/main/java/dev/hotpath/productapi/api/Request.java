package dev.hotpath.productapi.api;

/**
 * A request to the product API. Every request carries its own id (for tracing) and the virtual time it
 * arrived at; neither changes what the answer should be.
 */
public sealed interface Request {

    String requestId();

    long arrivalMicros();

    String tenant();

    /** {@code GET /{tenant}/products/{productId}} */
    record GetProduct(String requestId, long arrivalMicros, String tenant, long productId) implements Request {
    }

    /** {@code GET /{tenant}/categories/{category}}: the first page of a category, in listing order. */
    record ListCategory(String requestId, long arrivalMicros, String tenant, String category) implements Request {

        /** Products on a category page. */
        public static final int PAGE_SIZE = 24;
    }

    /** {@code PUT /{tenant}/products/{productId}/price} */
    record UpdatePrice(String requestId, long arrivalMicros, String tenant, long productId, long priceCents)
            implements Request {
    }
}
