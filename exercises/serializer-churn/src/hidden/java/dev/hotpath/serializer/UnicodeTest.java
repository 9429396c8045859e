package dev.hotpath.serializer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.hotpath.serializer.Expect.bytes;
import static dev.hotpath.serializer.Expect.describe;
import static dev.hotpath.serializer.Expect.mismatch;
import static dev.hotpath.serializer.Expect.serialize;
import static dev.hotpath.serializer.Expect.show;
import static dev.hotpath.serializer.Expect.withNote;
import static org.junit.jupiter.api.Assertions.fail;

/** Non-ASCII text: raw UTF-8 of the right length, surrogate pairs as one code point, lone surrogates as '?'. */
@DisplayName("Unicode: raw UTF-8, 4-byte sequences, lone surrogates")
class UnicodeTest {

    private final OrderJsonWriter writer = new OrderJsonWriter();

    @Test
    @DisplayName("non-ASCII text is written as raw UTF-8, not as escapes")
    void nonAsciiIsRawUtf8() {
        String note = "Jürgen Groß, 李小龙, Дмитрий, €5";
        String wrong = mismatch(serialize(writer, withNote(note)), "note", bytes("\"" + note + "\""));
        if (wrong != null) {
            fail("non-ASCII characters are written as their raw UTF-8 bytes (only quote, backslash and control"
                    + " characters are escaped): the note " + describe(note) + " was written as " + wrong);
        }
    }

    @Test
    @DisplayName("U+0080 to U+FFFF take 2 or 3 bytes, split at U+0800")
    void twoAndThreeByteSequences() {
        List<String> wrong = new ArrayList<>();
        check(0x80, bytes(0xC2, 0x80), wrong);
        check(0xE9, bytes(0xC3, 0xA9), wrong);
        check(0x7FF, bytes(0xDF, 0xBF), wrong);
        check(0x800, bytes(0xE0, 0xA0, 0x80), wrong);
        check(0x20AC, bytes(0xE2, 0x82, 0xAC), wrong);
        check(0x2028, bytes(0xE2, 0x80, 0xA8), wrong);
        check(0xD7FF, bytes(0xED, 0x9F, 0xBF), wrong);
        check(0xE000, bytes(0xEE, 0x80, 0x80), wrong);
        check(0xFFFF, bytes(0xEF, 0xBF, 0xBF), wrong);
        if (!wrong.isEmpty()) {
            fail("UTF-8 writes U+0080 to U+07FF as 2 bytes and U+0800 to U+FFFF as 3 bytes: " + String.join("; ", wrong));
        }
    }

    @Test
    @DisplayName("a character above U+FFFF (a surrogate pair) is one 4-byte sequence")
    void supplementaryCharacters() {
        List<String> wrong = new ArrayList<>();
        check(0x10000, bytes(0xF0, 0x90, 0x80, 0x80), wrong);
        check(0x1F680, bytes(0xF0, 0x9F, 0x9A, 0x80), wrong);
        check(0x1D518, bytes(0xF0, 0x9D, 0x94, 0x98), wrong);
        check(0x10FFFF, bytes(0xF4, 0x8F, 0xBF, 0xBF), wrong);
        if (!wrong.isEmpty()) {
            fail("a character above U+FFFF is two chars in Java (a surrogate pair) but one code point, written as"
                    + " one 4-byte UTF-8 sequence (two 3-byte sequences, one per surrogate, are not UTF-8): "
                    + String.join("; ", wrong));
        }
    }

    @Test
    @DisplayName("a lone surrogate is written as '?'")
    void loneSurrogates() {
        List<String> wrong = new ArrayList<>();
        check("a\uD800b", bytes("\"a?b\""), "a high surrogate followed by a letter", wrong);
        check("a\uDC00b", bytes("\"a?b\""), "a low surrogate with no high one before it", wrong);
        check("ab\uD83D", bytes("\"ab?\""), "a high surrogate at the end of the text", wrong);
        check("\uDE80\uD83D", bytes("\"??\""), "a pair in the wrong order", wrong);
        check("\uD83D\uD83D\uDE80", bytes("\"?", 0xF0, 0x9F, 0x9A, 0x80, "\""), "a high surrogate before a complete pair", wrong);
        if (!wrong.isEmpty()) {
            fail("a surrogate that is not part of a high-low pair is malformed text and is written as '?', the"
                    + " way String.getBytes(UTF_8) writes it: " + String.join("; ", wrong));
        }
    }

    private void check(int codePoint, byte[] utf8, List<String> wrong) {
        String note = "a" + new String(Character.toChars(codePoint)) + "b";
        byte[] expected = bytes("\"a", utf8, "b\"");
        String actual = mismatch(serialize(writer, withNote(note)), "note", expected);
        if (actual != null) {
            wrong.add(String.format(Locale.ROOT, "U+%04X must be %s, got %s", codePoint, show(expected), actual));
        }
    }

    private void check(String note, byte[] expected, String what, List<String> wrong) {
        String actual = mismatch(serialize(writer, withNote(note)), "note", expected);
        if (actual != null) {
            wrong.add(what + " (" + describe(note) + ") must be " + show(expected) + ", got " + actual);
        }
    }
}
