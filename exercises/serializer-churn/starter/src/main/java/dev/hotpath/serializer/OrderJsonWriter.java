package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an {@link Order} into UTF-8 JSON for the shop's miss path, in the exact format the README
 * documents (field order, escaping, money, timestamps). In short:
 * <pre>
 * {"id":4700000123,"placedAt":"2024-02-29T23:59:59.999Z",
 *  "customer":{"id":123456,"name":"Ana \"Ani\" Silva","email":"customer123456@example.com"},
 *  "items":[{"sku":"SKU-10442","name":"Kaffeebohnen 1 kg","quantity":2,"unitPrice":14.99}],
 *  "note":"Bitte klingeln&#92;u000aHinterhaus"}
 * </pre>
 * (one line, no spaces). Strings: {@code "} and {@code \} get a backslash, U+0000 to U+001F become
 * <code>&#92;u00xx</code> with lower-case hex, everything else is raw UTF-8 (a surrogate pair as one 4-byte
 * sequence, a lone surrogate as {@code ?}). Money: integer cents as a decimal with exactly two
 * fraction digits and a leading minus if negative. Timestamps: UTC, always three fraction digits.
 *
 * <p>Contract (the tests hold you to it):
 * <ul>
 *   <li>{@link #serialize(Order)} returns a buffer whose remaining bytes (position to limit) are
 *       exactly the JSON of the order, byte for byte.</li>
 *   <li>The returned buffer belongs to the caller. Its bytes never change afterwards, whatever is
 *       serialized later, on this thread or any other: the caller may hold on to it, for example
 *       while a slow client reads it from a socket.</li>
 *   <li>Thread-safe: one writer is shared by all request threads, and several writers may be in use
 *       at the same time.</li>
 * </ul>
 *
 * <p>This is the file you change. Keep the public API (the class, its no-argument constructor and
 * {@code serialize}); everything else is yours.
 */
public class OrderJsonWriter {

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\x00-\\x1f]");

    /** Serializes {@code order}; see the class documentation for the format and the contract. */
    public ByteBuffer serialize(Order order) {
        DateTimeFormatter timestamps = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        Customer customer = order.customer();
        String json = "{\"id\":" + order.id();
        json += ",\"placedAt\":\"" + timestamps.format(order.placedAt()) + "\"";
        json += ",\"customer\":{\"id\":" + customer.id() + ",\"name\":" + quote(customer.name())
                + ",\"email\":" + quote(customer.email()) + "}";
        json += ",\"items\":[";
        for (int i = 0; i < order.items().size(); i++) {
            LineItem item = order.items().get(i);
            if (i > 0) {
                json += ",";
            }
            json += "{\"sku\":" + quote(item.sku()) + ",\"name\":" + quote(item.name())
                    + ",\"quantity\":" + item.quantity() + ",\"unitPrice\":" + money(item.unitPriceCents()) + "}";
        }
        json += "],\"note\":" + quote(order.note()) + "}";
        // getBytes writes a surrogate pair as one 4-byte sequence and a lone surrogate as '?'.
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal: backslash and quote escaped, control characters as <code>&#92;u00xx</code>. */
    private static String quote(String text) {
        String escaped = text.replaceAll("\\\\", "\\\\\\\\").replaceAll("\"", "\\\\\"");
        escaped = CONTROL_CHARACTER.matcher(escaped)
                .replaceAll(match -> String.format(Locale.ROOT, "\\\\u%04x", (int) match.group().charAt(0)));
        return "\"" + escaped + "\"";
    }

    /** Cents as a decimal with exactly two fraction digits: -5 is -0.05, 1999 is 19.99. */
    private static String money(long cents) {
        long units = Math.abs(cents) / 100;
        long fraction = Math.abs(cents) % 100;
        return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", units, fraction);
    }
}
