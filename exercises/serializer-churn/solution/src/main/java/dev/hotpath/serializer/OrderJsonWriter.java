package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Reference solution: writes the JSON straight into a reusable byte buffer, one per thread, and hands
 * the caller an exact-length copy. No intermediate strings, no regex, no formatter, no floating
 * point: escaping, UTF-8 encoding, numbers, money and timestamps are written byte by byte.
 *
 * <p>Contract (unchanged from the starter): the returned buffer holds exactly the JSON, belongs to
 * the caller and never changes afterwards; one writer may be shared by many threads, and several
 * writers may be used at once.
 *
 * <p>Per call it allocates only the returned array and its {@code ByteBuffer} wrapper. Handing out
 * the thread's buffer itself would save that copy, but the next call on the thread would then
 * overwrite bytes the previous caller still holds.
 */
public class OrderJsonWriter {

    // Constant fragments of the format, encoded once. Field order is part of the format.
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] PLACED_AT = ascii(",\"placedAt\":\"");
    private static final byte[] CUSTOMER_ID = ascii("\",\"customer\":{\"id\":");
    private static final byte[] NAME = ascii(",\"name\":");
    private static final byte[] EMAIL = ascii(",\"email\":");
    private static final byte[] ITEMS = ascii("},\"items\":[");
    private static final byte[] FIRST_ITEM_SKU = ascii("{\"sku\":");
    private static final byte[] NEXT_ITEM_SKU = ascii(",{\"sku\":");
    private static final byte[] QUANTITY = ascii(",\"quantity\":");
    private static final byte[] UNIT_PRICE = ascii(",\"unitPrice\":");
    private static final byte[] NOTE = ascii("],\"note\":");

    /**
     * One sink per thread and writer: reused for every order that thread serializes, never seen by
     * another thread, so no locking. (A static field shared by all threads would race; an instance
     * field would race as soon as two threads share the writer.)
     */
    private final ThreadLocal<Sink> sinks = ThreadLocal.withInitial(Sink::new);

    public ByteBuffer serialize(Order order) {
        Sink sink = sinks.get();
        sink.reset();
        write(order, sink);
        // A copy the caller owns: the sink's array is overwritten by this thread's next call.
        byte[] json = sink.toByteArray();
        sink.trim();
        return ByteBuffer.wrap(json);
    }

    private static void write(Order order, Sink out) {
        Customer customer = order.customer();
        out.raw(ID).number(order.id())
                .raw(PLACED_AT).timestamp(order.placedAt())
                .raw(CUSTOMER_ID).number(customer.id())
                .raw(NAME).string(customer.name())
                .raw(EMAIL).string(customer.email())
                .raw(ITEMS);
        List<LineItem> items = order.items();
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            out.raw(i == 0 ? FIRST_ITEM_SKU : NEXT_ITEM_SKU).string(item.sku())
                    .raw(NAME).string(item.name())
                    .raw(QUANTITY).number(item.quantity())
                    .raw(UNIT_PRICE).money(item.unitPriceCents())
                    .raw('}');
        }
        out.raw(NOTE).string(order.note()).raw('}');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable byte array with writers for each part of the format. Used by one thread at a time. */
    private static final class Sink {

        private static final int INITIAL_CAPACITY = 2 * 1024;
        /** A sink that grew beyond this for one huge order starts small again, so it does not pin memory. */
        private static final int KEEP_AT_MOST = 64 * 1024;
        private static final byte[] HEX = ascii("0123456789abcdef");

        private byte[] buf = new byte[INITIAL_CAPACITY];
        private int len;

        void reset() {
            len = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, len);
        }

        void trim() {
            if (buf.length > KEEP_AT_MOST) {
                buf = new byte[INITIAL_CAPACITY];
            }
        }

        private void ensure(int extra) {
            if (extra > buf.length - len) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        Sink raw(byte[] ascii) {
            ensure(ascii.length);
            System.arraycopy(ascii, 0, buf, len, ascii.length);
            len += ascii.length;
            return this;
        }

        Sink raw(char ascii) {
            ensure(1);
            buf[len++] = (byte) ascii;
            return this;
        }

        /** Decimal digits, a minus sign if negative. */
        Sink number(long value) {
            ensure(20);
            if (value < 0) {
                buf[len++] = '-';
            } else {
                value = -value;
            }
            digitsOf(value);
            return this;
        }

        /**
         * Money from integer cents, never through double: sign, whole units, a dot, exactly two
         * digits. -5 is -0.05; the sign is written once, so it is not lost when the units are zero.
         */
        Sink money(long cents) {
            ensure(24);
            if (cents < 0) {
                buf[len++] = '-';
            } else {
                cents = -cents;
            }
            digitsOf(cents / 100);
            int fraction = (int) -(cents % 100);
            buf[len++] = '.';
            buf[len++] = (byte) ('0' + fraction / 10);
            buf[len++] = (byte) ('0' + fraction % 10);
            return this;
        }

        /**
         * Writes the digits of {@code -nonPositive}. Working on the negative side keeps every long
         * representable (there is no positive counterpart of Long.MIN_VALUE).
         */
        private void digitsOf(long nonPositive) {
            int digits = 1;
            for (long limit = -10; digits < 19 && nonPositive <= limit; limit *= 10) {
                digits++;
            }
            int end = len + digits;
            for (int i = end - 1; i >= len; i--) {
                buf[i] = (byte) ('0' - nonPositive % 10);
                nonPositive /= 10;
            }
            len = end;
        }

        /** yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, without any java.time objects. */
        Sink timestamp(Instant instant) {
            ensure(24);
            long seconds = instant.getEpochSecond();
            // floorDiv/floorMod, not / and %: before 1970 the seconds are negative.
            long days = Math.floorDiv(seconds, 86_400);
            int secondOfDay = Math.floorMod(seconds, 86_400);
            // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days):
            // eras of 400 years, each year starting on March 1st so that leap days come last.
            long z = days + 719_468;
            long era = Math.floorDiv(z, 146_097);
            long dayOfEra = z - era * 146_097;
            long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long shiftedMonth = (5 * dayOfYear + 2) / 153;
            int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
            int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
            int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

            byte[] b = buf;
            int n = len;
            b[n++] = (byte) ('0' + year / 1000);
            b[n++] = (byte) ('0' + year / 100 % 10);
            b[n++] = (byte) ('0' + year / 10 % 10);
            b[n++] = (byte) ('0' + year % 10);
            b[n++] = '-';
            n = twoDigits(b, n, month);
            b[n++] = '-';
            n = twoDigits(b, n, day);
            b[n++] = 'T';
            n = twoDigits(b, n, secondOfDay / 3600);
            b[n++] = ':';
            n = twoDigits(b, n, secondOfDay / 60 % 60);
            b[n++] = ':';
            n = twoDigits(b, n, secondOfDay % 60);
            b[n++] = '.';
            int millis = instant.getNano() / 1_000_000;
            b[n++] = (byte) ('0' + millis / 100);
            n = twoDigits(b, n, millis % 100);
            b[n++] = 'Z';
            len = n;
            return this;
        }

        private static int twoDigits(byte[] b, int n, int value) {
            b[n] = (byte) ('0' + value / 10);
            b[n + 1] = (byte) ('0' + value % 10);
            return n + 2;
        }

        /** A JSON string literal: escaping and UTF-8 encoding in one pass over the chars. */
        Sink string(String text) {
            int length = text.length();
            ensure(2 + 6 * length); // worst case: every char becomes a 6-byte escape
            byte[] b = buf;
            int n = len;
            b[n++] = '"';
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x20 && c != '"' && c != '\\') {
                        b[n++] = (byte) c;
                    } else if (c >= 0x20) {
                        b[n++] = '\\';
                        b[n++] = (byte) c;
                    } else {
                        // Every control character, tab and newline included: backslash, u00, two lower-case hex digits.
                        b[n++] = '\\';
                        b[n++] = 'u';
                        b[n++] = '0';
                        b[n++] = '0';
                        b[n++] = HEX[c >> 4];
                        b[n++] = HEX[c & 0xF];
                    }
                } else if (c < 0x800) {
                    b[n++] = (byte) (0xC0 | c >> 6);
                    b[n++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    b[n++] = (byte) (0xE0 | c >> 12);
                    b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    // A surrogate pair is one code point above U+FFFF: one 4-byte sequence.
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    b[n++] = (byte) (0xF0 | codePoint >> 18);
                    b[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | codePoint & 0x3F);
                } else {
                    b[n++] = '?'; // a lone surrogate is not text: the format writes '?', as String.getBytes does
                }
            }
            b[n++] = '"';
            len = n;
            return this;
        }
    }
}
