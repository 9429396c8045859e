package dev.hotpath.productapi.api;

/** An HTTP status and a JSON body. */
public record Response(int status, String body) {
}
