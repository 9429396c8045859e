package dev.hotpath.serializer;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.hotpath.serializer.Expect.bytes;
import static dev.hotpath.serializer.Expect.describe;
import static dev.hotpath.serializer.Expect.mismatch;
import static dev.hotpath.serializer.Expect.serialize;
import static dev.hotpath.serializer.Expect.withNote;
import static org.junit.jupiter.api.Assertions.fail;

/** Escaping inside JSON strings: what needs a backslash, and what must stay as it is. */
@DisplayName("Escaping: quotes, backslashes and control characters")
class EscapingTest {

    private static final Map<Integer, String> CONTROL_NAMES = Map.of(0x00, "NUL", 0x07, "bell", 0x08, "backspace",
            0x09, "tab", 0x0A, "line feed", 0x0C, "form feed", 0x0D, "carriage return", 0x1B, "escape",
            0x1F, "unit separator");

    private final OrderJsonWriter writer = new OrderJsonWriter();

    @Test
    @DisplayName("a quote is written as \\\"")
    void quote() {
        String note = "say \"hi\"";
        String wrong = mismatch(serialize(writer, withNote(note)), "note", bytes("\"say \\\"hi\\\"\""));
        if (wrong != null) {
            fail("inside a JSON string a quote must be written as backslash-quote: the note " + describe(note)
                    + " was written as " + wrong);
        }
    }

    @Test
    @DisplayName("a backslash is written as \\\\")
    void backslash() {
        String note = "C:\\Dock\\3 \\\"";
        String wrong = mismatch(serialize(writer, withNote(note)), "note", bytes("\"C:\\\\Dock\\\\3 \\\\\\\"\""));
        if (wrong != null) {
            fail("inside a JSON string a backslash must be written as two backslashes (and a quote as"
                    + " backslash-quote): the note " + describe(note) + " was written as " + wrong);
        }
    }

    @Test
    @DisplayName("every control character U+0000 to U+001F is written as a \\u00xx escape, lower-case hex")
    void controlCharacters() {
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            String note = "a" + (char) c + "b";
            String escape = String.format(Locale.ROOT, "\\u%04x", c);
            String actual = mismatch(serialize(writer, withNote(note)), "note", bytes("\"a" + escape + "b\""));
            if (actual != null) {
                wrong.add(String.format(Locale.ROOT, "U+%04X%s as %s instead of «\"a%sb\"»", c,
                        CONTROL_NAMES.containsKey(c) ? " (" + CONTROL_NAMES.get(c) + ")" : "", actual, escape));
            }
        }
        if (!wrong.isEmpty()) {
            fail("every character below U+0020, tab and line feed included, must be written as the six"
                    + " characters backslash, u, 0, 0 and two lower-case hex digits (the format has no short"
                    + " forms): " + wrong.size() + " of 32 were not, e.g. " + String.join("; ", wrong.subList(0, Math.min(4, wrong.size()))));
        }
    }

    @Test
    @DisplayName("other ASCII is written as it is, slash and DEL included")
    void otherAsciiIsRaw() {
        StringBuilder note = new StringBuilder();
        for (char c = 0x20; c <= 0x7F; c++) {
            if (c != '"' && c != '\\') {
                note.append(c);
            }
        }
        String wrong = mismatch(serialize(writer, withNote(note.toString())), "note", bytes("\"" + note + "\""));
        if (wrong != null) {
            fail("printable ASCII other than quote and backslash (slash included), and DEL (U+007F), need no escape"
                    + " and must be written as they are: the note " + describe(note.toString()) + " was written as " + wrong);
        }
    }

    @Test
    @DisplayName("every string field is escaped, not only the note")
    void everyStringField() {
        String tricky = "q\"b\\n\n";
        byte[] expected = bytes("\"q\\\"b\\\\n\\u000a\"");
        Order order = new Order(1, Expect.BASE.placedAt(), new Customer(2, tricky, tricky),
                List.of(new LineItem(tricky, tricky, 1, 100)), tricky);
        byte[] json = serialize(writer, order);
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("name", "email", "sku", "note")) {
            String actual = mismatch(json, field, expected);
            if (actual != null) {
                wrong.add("\"" + field + "\" as " + actual);
            }
        }
        // "name" occurs twice (customer and item): check the item's name after its sku.
        int sku = new String(json, StandardCharsets.ISO_8859_1).indexOf("\"sku\":");
        byte[] afterSku = Arrays.copyOfRange(json, Math.max(sku, 0), json.length);
        String itemName = mismatch(afterSku, "name", expected);
        if (itemName != null) {
            wrong.add("the item's \"name\" as " + itemName);
        }
        if (!wrong.isEmpty()) {
            fail("every string field follows the same escaping rules; with the text " + describe(tricky)
                    + " in every field, the output has " + String.join(", ", wrong) + " instead of "
                    + Expect.show(expected));
        }
    }
}
