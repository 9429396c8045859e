package dev.hotpath.serializer.workload;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The format's reference encoder: slow and obviously correct, written independently of the starter
 * so that the two agreeing means something. Every rule of the README's format is one line here.
 *
 * <p>Package-private on purpose: the tests, the counter and the benchmark check a writer's output
 * against it through {@link CheckedOrders}, which never hands the expected bytes out. A writer
 * cannot delegate the hard cases to it.
 */
final class ReferenceJson {

    private ReferenceJson() {
    }

    static byte[] encode(Order order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "{\"id\":" + order.id());
        ascii(out, ",\"placedAt\":\"" + timestamp(order) + "\"");
        Customer customer = order.customer();
        ascii(out, ",\"customer\":{\"id\":" + customer.id() + ",\"name\":");
        string(out, customer.name());
        ascii(out, ",\"email\":");
        string(out, customer.email());
        ascii(out, "},\"items\":[");
        for (int i = 0; i < order.items().size(); i++) {
            LineItem item = order.items().get(i);
            ascii(out, (i == 0 ? "" : ",") + "{\"sku\":");
            string(out, item.sku());
            ascii(out, ",\"name\":");
            string(out, item.name());
            ascii(out, ",\"quantity\":" + item.quantity() + ",\"unitPrice\":" + money(item.unitPriceCents()) + "}");
        }
        ascii(out, "],\"note\":");
        string(out, order.note());
        ascii(out, "}");
        return out.toByteArray();
    }

    /** ISO-8601 in UTC with exactly three fraction digits: 2024-02-29T23:59:59.999Z. */
    private static String timestamp(Order order) {
        LocalDateTime utc = LocalDateTime.ofInstant(order.placedAt(), ZoneOffset.UTC);
        return pad(utc.getYear(), 4) + "-" + pad(utc.getMonthValue(), 2) + "-" + pad(utc.getDayOfMonth(), 2)
                + "T" + pad(utc.getHour(), 2) + ":" + pad(utc.getMinute(), 2) + ":" + pad(utc.getSecond(), 2)
                + "." + pad(utc.getNano() / 1_000_000, 3) + "Z";
    }

    /** A non-negative number with leading zeros up to {@code width} digits. */
    private static String pad(int value, int width) {
        StringBuilder digits = new StringBuilder(Integer.toString(value));
        while (digits.length() < width) {
            digits.insert(0, '0');
        }
        return digits.toString();
    }

    /** Exact decimal from integer cents: a minus sign if negative, whole units, a dot, two digits. */
    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** A JSON string, one code point at a time. */
    private static void string(ByteArrayOutputStream out, String text) {
        out.write('"');
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i); // a lone surrogate comes back as itself
            i += Character.charCount(codePoint);
            if (codePoint == '"' || codePoint == '\\') {
                out.write('\\');
                out.write(codePoint);
            } else if (codePoint < 0x20) {
                ascii(out, "\\u00" + HEX.charAt(codePoint >> 4) + HEX.charAt(codePoint & 0xF));
            } else if (codePoint < 0x80) {
                out.write(codePoint);
            } else if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                out.write('?');
            } else {
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
            }
        }
        out.write('"');
    }

    private static final String HEX = "0123456789abcdef";

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
