package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;
import dev.hotpath.serializer.workload.CheckedOrders;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Orders that differ from a plain base order in one field, and assertions on that field's value in
 * the output whose messages say which property of the format broke.
 */
final class Expect {

    /** Every field plain ASCII, so whatever goes wrong is about the one field a test changes. */
    static final Order BASE = new Order(1_001, Instant.parse("2024-05-17T08:30:00.250Z"),
            new Customer(42, "Plain Name", "plain@example.com"),
            List.of(new LineItem("SKU-1", "Plain item", 1, 1_000)), "plain note");

    private Expect() {
    }

    static Order withNote(String note) {
        return new Order(BASE.id(), BASE.placedAt(), BASE.customer(), BASE.items(), note);
    }

    static Order withPrice(long cents) {
        return new Order(BASE.id(), BASE.placedAt(), BASE.customer(), List.of(new LineItem("SKU-1", "Plain item", 1, cents)),
                BASE.note());
    }

    static Order withPlacedAt(String instant) {
        return new Order(BASE.id(), Instant.parse(instant), BASE.customer(), BASE.items(), BASE.note());
    }

    /**
     * Fails if a fresh writer, used on this thread only, gets any order of the batches wrong (each
     * checked right after it is returned). Tests about concurrency or aliasing call this first, so
     * that a writer whose output is simply wrong is not reported as a concurrency or aliasing bug.
     */
    static void rightOnOneThread(List<CheckedOrders> batches, String judged) {
        OrderJsonWriter writer = new OrderJsonWriter();
        for (CheckedOrders batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    batch.verify(i, writer.serialize(batch.order(i)));
                } catch (IllegalStateException e) {
                    fail("this test judges " + judged + ", but the output is already wrong with one thread and"
                            + " one call at a time (see the other failing tests): " + e.getMessage());
                }
            }
        }
    }

    /** The bytes {@code serialize} returns (position to limit), read without consuming the buffer. */
    static byte[] serialize(OrderJsonWriter writer, Order order) {
        ByteBuffer json = writer.serialize(order);
        if (json == null) {
            fail("serialize returned null");
        }
        byte[] bytes = new byte[json.remaining()];
        json.duplicate().get(bytes);
        return bytes;
    }

    /**
     * The value of {@code key}'s first occurrence as a field name in {@code json}: a whole string
     * literal with its quotes, or a number. Null if the output has no such field.
     */
    static byte[] valueOf(byte[] json, String key) {
        byte[] name = ("\"" + key + "\":").getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(json, name);
        if (start < 0) {
            return null;
        }
        start += name.length;
        int end = start;
        if (end < json.length && json[end] == '"') {
            end++;
            while (end < json.length && json[end] != '"') {
                end += json[end] == '\\' ? 2 : 1;
            }
            end = Math.min(end + 1, json.length);
        } else {
            while (end < json.length && json[end] != ',' && json[end] != '}' && json[end] != ']') {
                end++;
            }
        }
        return Arrays.copyOfRange(json, start, end);
    }

    /**
     * Returns null if the field {@code key} of {@code json} holds exactly {@code expected}, otherwise
     * a description of what it holds instead.
     */
    static String mismatch(byte[] json, String key, byte[] expected) {
        byte[] actual = valueOf(json, key);
        if (actual == null) {
            return "the output has no \"" + key + "\" field at all: " + show(json);
        }
        return Arrays.equals(actual, expected) ? null : show(actual);
    }

    /** Bytes of a JSON fragment: strings are encoded as UTF-8, integers are single raw bytes, arrays are copied. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof byte[] raw) {
                out.writeBytes(raw);
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    /**
     * Bytes as readable text: printable ASCII as itself, every other byte as {@code \xNN}, so a raw
     * newline and an escaped one look different.
     */
    static String show(byte[] bytes) {
        StringBuilder text = new StringBuilder("«");
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format(Locale.ROOT, "\\x%02x", b));
            }
        }
        return text.append('»').toString();
    }

    /** A Java string as its code points, for messages: "a" U+000A "b". */
    static String describe(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            }
        }
        return "\"" + out + "\"";
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
