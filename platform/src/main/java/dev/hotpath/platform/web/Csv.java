package dev.hotpath.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet: a cell that starts like a formula
 * ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe, so a learner's name can
 * never run as a formula on an instructor's machine.
 */
final class Csv {

    private Csv() {
    }

    static String row(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
