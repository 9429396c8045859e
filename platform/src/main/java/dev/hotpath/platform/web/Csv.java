package dev.hotpath.platform.web;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet, whatever its list separator:
 * <ul>
 *   <li>every field is quoted, so a {@code ;} or tab inside one (the separator where {@code ,} is the
 *       decimal mark, common in Europe) never starts a new cell;</li>
 *   <li>every formula lead is neutralized with an apostrophe: {@code = + - @} (and their full-width
 *       and small forms, {@code ＝＋－＠}, which spreadsheets read alike), first met after any
 *       Unicode spaces and invisible characters (tab, no-break, ideographic space, zero-width…), and a
 *       leading tab or carriage return, at the start of the field and after every {@code , ;}, tab or
 *       line break inside it, for tools that split cells without honouring quotes.</li>
 * </ul>
 * Numbers stay numbers. A learner's name can never run as a formula on an instructor's machine.
 */
final class Csv {

    private static final String SEPARATORS = ",;\t\r\n";
    private static final String FORMULA_LEADS = "=+-@";

    private Csv() {
    }

    static String row(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!(value instanceof Number)) {
            text = defuse(text);
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** An apostrophe at the start of every segment whose first visible character would start a formula. */
    private static String defuse(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        int segmentStart = 0;
        boolean inLead = true; // between a segment's start and its first visible character
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (inLead) {
                boolean controlLead = i == segmentStart && (c == '\t' || c == '\r');
                if (controlLead || (!isBlank(c) && isFormulaLead(c))) {
                    out.insert(out.length() - (i - segmentStart), '\'');
                }
                if (controlLead || !isBlank(c)) {
                    inLead = false;
                }
            }
            out.appendCodePoint(c);
            i += Character.charCount(c);
            if (SEPARATORS.indexOf(c) >= 0) {
                segmentStart = i;
                inLead = true;
            }
        }
        return out.toString();
    }

    private static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean isFormulaLead(int c) {
        String normalized = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC);
        return !normalized.isEmpty() && FORMULA_LEADS.indexOf(normalized.charAt(0)) >= 0;
    }
}
