package dev.hotpath.serializer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.hotpath.serializer.Expect.bytes;
import static dev.hotpath.serializer.Expect.mismatch;
import static dev.hotpath.serializer.Expect.serialize;
import static dev.hotpath.serializer.Expect.withPlacedAt;
import static org.junit.jupiter.api.Assertions.fail;

/** Timestamps: ISO-8601 in UTC, always with three fraction digits, over the whole allowed range. */
@DisplayName("Timestamps: the calendar's awkward days")
class TimestampTest {

    private final OrderJsonWriter writer = new OrderJsonWriter();

    @Test
    @DisplayName("the epoch and the moments before it")
    void beforeTheEpoch() {
        expect("timestamps before 1970 count backwards from the epoch but are written like any other",
                "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z",
                "1969-12-31T00:00:00Z", "1969-12-31T00:00:00.000Z",
                "1901-07-04T12:30:15.500Z", "1901-07-04T12:30:15.500Z",
                "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z");
    }

    @Test
    @DisplayName("leap days and the century rule")
    void leapDays() {
        expect("February has 29 days in years divisible by 4, except centuries not divisible by 400",
                "2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z",
                "2024-03-01T00:00:00Z", "2024-03-01T00:00:00.000Z",
                "2000-02-29T12:00:00Z", "2000-02-29T12:00:00.000Z",
                "1900-02-28T23:59:59.999Z", "1900-02-28T23:59:59.999Z",
                "1900-03-01T00:00:00Z", "1900-03-01T00:00:00.000Z",
                "2100-03-01T00:00:00Z", "2100-03-01T00:00:00.000Z",
                "1600-02-29T00:00:00.001Z", "1600-02-29T00:00:00.001Z");
    }

    @Test
    @DisplayName("fixed widths: ends of days and years, milliseconds, year 9999")
    void fixedWidths() {
        expect("every part has a fixed width (4-digit year, 2-digit month, day, hour, minute, second,"
                        + " 3-digit milliseconds), and the fraction is always written",
                "2023-12-31T23:59:59.999Z", "2023-12-31T23:59:59.999Z",
                "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z",
                "2024-05-06T07:08:09.007Z", "2024-05-06T07:08:09.007Z",
                "2024-05-06T07:08:09.050Z", "2024-05-06T07:08:09.050Z",
                "0999-09-09T09:09:09.009Z", "0999-09-09T09:09:09.009Z",
                "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z");
    }

    /** Pairs of an instant and the expected text of placedAt. */
    private void expect(String rule, String... instantAndText) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < instantAndText.length; i += 2) {
            String text = "\"" + instantAndText[i + 1] + "\"";
            String actual = mismatch(serialize(writer, withPlacedAt(instantAndText[i])), "placedAt", bytes(text));
            if (actual != null) {
                wrong.add(instantAndText[i] + " as " + actual + " instead of «" + text + "»");
            }
        }
        if (!wrong.isEmpty()) {
            fail(rule + ": placedAt " + String.join("; ", wrong));
        }
    }
}
