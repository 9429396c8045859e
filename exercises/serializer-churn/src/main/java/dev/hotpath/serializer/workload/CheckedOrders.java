package dev.hotpath.serializer.workload;

import dev.hotpath.serializer.model.Order;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fixed pool of orders together with the exact JSON the reference encoder makes of each, so any
 * writer's output can be checked byte for byte. The tests, the allocation counter and the benchmark
 * all check through this class, so a writer that is cheap because it is wrong is caught wherever it
 * is measured.
 *
 * <p>The pool can be walked as an endless cycle ({@link #orderAt(long)}). From the second pass on,
 * each order comes back under a new order number, so no two positions of the cycle ever hold equal
 * orders: a writer that remembers its earlier results cannot answer from memory.
 *
 * <p>Checking a correct output allocates nothing, so the counter measures only the writer.
 * Immutable after construction; safe to share between threads.
 */
public final class CheckedOrders {

    /** How far an order number moves from one pass of the cycle to the next. */
    private static final long PASS_ID_STEP = 1_000_003L;
    private static final byte[] ID_PREFIX = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

    private final List<Order> orders;
    private final byte[][] expected;
    /** Where the order number's digits end in each expected output. */
    private final int[] idEnd;

    private CheckedOrders(List<Order> orders) {
        this.orders = List.copyOf(orders);
        if (this.orders.isEmpty()) {
            throw new IllegalArgumentException("no orders");
        }
        this.expected = new byte[this.orders.size()][];
        this.idEnd = new int[this.orders.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = ReferenceJson.encode(this.orders.get(i));
            idEnd[i] = ID_PREFIX.length + digits(this.orders.get(i).id());
        }
    }

    /** The given orders and their reference output (computed here, once). */
    public static CheckedOrders of(List<Order> orders) {
        return new CheckedOrders(orders);
    }

    public int size() {
        return orders.size();
    }

    /** The order at {@code index} of the pool. */
    public Order order(int index) {
        return orders.get(index);
    }

    /**
     * The order at {@code position} of the endless cycle: pool order {@code position % size()},
     * under a new order number from the second pass on. Positions below {@link #size()} are the pool
     * orders themselves.
     */
    public Order orderAt(long position) {
        int index = (int) (position % orders.size());
        long pass = position / orders.size();
        Order order = orders.get(index);
        return pass == 0 ? order : order.withId(idOnPass(order, pass));
    }

    /**
     * Checks that {@code json} (its bytes from position to limit, which are not consumed) is exactly
     * the JSON for {@code orderAt(position)}.
     *
     * @throws IllegalStateException naming the order, the first differing byte, the field it lies in
     *                               and what was expected there
     */
    public void verify(long position, ByteBuffer json) {
        if (json == null) {
            throw new IllegalStateException(describe(position) + ": the writer returned null");
        }
        int index = (int) (position % orders.size());
        long pass = position / orders.size();
        byte[] reference = expected[index];
        if (pass == 0 ? json.remaining() != reference.length || !matches(json, 0, reference, 0, reference.length)
                : !matchesWithId(json, reference, idEnd[index], idOnPass(orders.get(index), pass))) {
            throw new IllegalStateException(describe(position) + " " + Mismatch.describe(expectedAt(position), bytes(json)));
        }
    }

    /** Checks the pool order at {@code index}; same as {@code verify((long) index, json)}. */
    public void verify(int index, ByteBuffer json) {
        verify((long) index, json);
    }

    private static long idOnPass(Order order, long pass) {
        return (order.id() + pass * PASS_ID_STEP) & Long.MAX_VALUE;
    }

    /** Compares without allocating: the counter calls this inside its measured window. */
    private static boolean matches(ByteBuffer json, int jsonOffset, byte[] reference, int from, int to) {
        int length = to - from;
        if (json.remaining() - jsonOffset < length) {
            return false;
        }
        int start = json.position() + jsonOffset;
        if (json.hasArray()) { // the usual case: one vectorized comparison
            int offset = json.arrayOffset() + start;
            return Arrays.equals(json.array(), offset, offset + length, reference, from, to);
        }
        for (int i = 0; i < length; i++) { // read-only or direct buffers
            if (json.get(start + i) != reference[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The reference with its order number replaced by {@code id}, compared without building it. */
    private static boolean matchesWithId(ByteBuffer json, byte[] reference, int idEnd, long id) {
        int idDigits = digits(id);
        int tail = reference.length - idEnd;
        if (json.remaining() != ID_PREFIX.length + idDigits + tail
                || !matches(json, 0, reference, 0, ID_PREFIX.length)
                || !matches(json, ID_PREFIX.length + idDigits, reference, idEnd, reference.length)) {
            return false;
        }
        long rest = id;
        for (int i = ID_PREFIX.length + idDigits - 1; i >= ID_PREFIX.length; i--) {
            if (json.get(json.position() + i) != (byte) ('0' + rest % 10)) {
                return false;
            }
            rest /= 10;
        }
        return true;
    }

    private static int digits(long nonNegative) {
        int digits = 1;
        for (long rest = nonNegative / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private byte[] expectedAt(long position) {
        int index = (int) (position % orders.size());
        return position < orders.size() ? expected[index] : ReferenceJson.encode(orderAt(position));
    }

    private String describe(long position) {
        Order order = orderAt(position);
        return String.format(Locale.ROOT, "order #%d of the batch (id %d)", position, order.id());
    }

    private static byte[] bytes(ByteBuffer json) {
        byte[] bytes = new byte[json.remaining()];
        json.duplicate().get(bytes);
        return bytes;
    }

    /** Tells where two outputs first differ, in terms of the JSON. */
    static final class Mismatch {

        private static final int CONTEXT = 24;

        private Mismatch() {
        }

        static String describe(byte[] expected, byte[] actual) {
            int at = 0;
            while (at < expected.length && at < actual.length && expected[at] == actual[at]) {
                at++;
            }
            String where = "at byte " + at + " (inside " + pathAt(expected, Math.min(at, expected.length)) + ")";
            if (at == expected.length) {
                return "is not the documented JSON: the output should end " + where + " but goes on with "
                        + show(actual, at, Math.min(actual.length, at + CONTEXT)) + " (" + actual.length
                        + " bytes instead of " + expected.length + ")";
            }
            if (at == actual.length) {
                return "is not the documented JSON: the output ends " + where + " but should go on with "
                        + show(expected, at, Math.min(expected.length, at + CONTEXT)) + " (" + actual.length
                        + " bytes instead of " + expected.length + ")";
            }
            return "is not the documented JSON: it differs " + where + ": expected "
                    + window(expected, at) + " but got " + window(actual, at);
        }

        /** Where in the JSON an offset lies, as a path like {@code items[2].unitPrice}. */
        static String pathAt(byte[] json, int offset) {
            List<Object> frames = new ArrayList<>(); // String key (or null) for objects, int[] for arrays
            boolean inString = false;
            int stringStart = -1;
            String lastString = null;
            for (int i = 0; i < offset && i < json.length; i++) {
                byte b = json[i];
                if (inString) {
                    if (b == '\\') {
                        i++;
                    } else if (b == '"') {
                        inString = false;
                        lastString = new String(json, stringStart, i - stringStart, StandardCharsets.UTF_8);
                    }
                    continue;
                }
                switch (b) {
                    case '"' -> {
                        inString = true;
                        stringStart = i + 1;
                    }
                    case '{' -> frames.add(new String[1]);
                    case '[' -> frames.add(new int[1]);
                    case '}', ']' -> {
                        if (!frames.isEmpty()) {
                            frames.remove(frames.size() - 1);
                        }
                    }
                    case ',' -> {
                        if (!frames.isEmpty() && frames.get(frames.size() - 1) instanceof int[] index) {
                            index[0]++;
                        }
                    }
                    case ':' -> {
                        if (!frames.isEmpty() && frames.get(frames.size() - 1) instanceof String[] key) {
                            key[0] = lastString;
                        }
                    }
                    default -> {
                    }
                }
            }
            StringBuilder path = new StringBuilder();
            for (Object frame : frames) {
                if (frame instanceof String[] key && key[0] != null) {
                    path.append(path.length() == 0 ? "" : ".").append(key[0]);
                } else if (frame instanceof int[] index) {
                    path.append('[').append(index[0]).append(']');
                }
            }
            return path.length() == 0 ? "the top-level object" : "\"" + path + "\"";
        }

        private static String window(byte[] bytes, int at) {
            return show(bytes, Math.max(0, at - CONTEXT), Math.min(bytes.length, at + CONTEXT));
        }

        /**
         * Bytes as readable text: printable ASCII as itself, every other byte as {@code \xNN}, so a
         * raw newline ({@code \x0a}) and an escaped one (<code>&#92;u000a</code>) look different.
         */
        static String show(byte[] bytes, int from, int to) {
            StringBuilder text = new StringBuilder(from > 0 ? "…" : "");
            for (int i = from; i < to; i++) {
                int b = bytes[i] & 0xff;
                if (b >= 0x20 && b < 0x7f) {
                    text.append((char) b);
                } else {
                    text.append(String.format(Locale.ROOT, "\\x%02x", b));
                }
            }
            return "«" + text + (to < bytes.length ? "…" : "") + "»";
        }
    }
}
