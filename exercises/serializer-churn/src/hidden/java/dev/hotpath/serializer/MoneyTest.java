package dev.hotpath.serializer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.hotpath.serializer.Expect.bytes;
import static dev.hotpath.serializer.Expect.mismatch;
import static dev.hotpath.serializer.Expect.serialize;
import static dev.hotpath.serializer.Expect.withPrice;
import static org.junit.jupiter.api.Assertions.fail;

/** Money: integer cents as an exact decimal with two fraction digits. */
@DisplayName("Money: exact decimals from integer cents")
class MoneyTest {

    private final OrderJsonWriter writer = new OrderJsonWriter();

    @Test
    @DisplayName("zero and amounts below one unit")
    void zeroAndBelowOneUnit() {
        expect("amounts below one unit keep a leading 0 and two fraction digits",
                0, "0.00", 1, "0.01", 5, "0.05", 10, "0.10", 99, "0.99");
    }

    @Test
    @DisplayName("negative amounts keep their sign, also below one unit")
    void negativeAmounts() {
        expect("a negative amount is written with a leading minus, also when its whole units are zero",
                -5, "-0.05", -1, "-0.01", -99, "-0.99", -100, "-1.00", -105, "-1.05", -150, "-1.50",
                -123_456_789, "-1234567.89");
    }

    @Test
    @DisplayName("always exactly two fraction digits")
    void exactCents() {
        expect("the fraction always has exactly two digits, trailing and leading zeros included",
                100, "1.00", 105, "1.05", 110, "1.10", 1_000, "10.00", 1_999, "19.99", 129_900, "1299.00");
    }

    @Test
    @DisplayName("large amounts are exact, with no floating point")
    void largeAmounts() {
        expect("every cent of a large amount must be exact; a double holds only about 16 significant digits",
                9_007_199_254_740_993L, "90071992547409.93",
                1_000_000_000_000_001L, "10000000000000.01",
                -9_007_199_254_740_993L, "-90071992547409.93",
                Long.MAX_VALUE, "92233720368547758.07",
                -Long.MAX_VALUE, "-92233720368547758.07");
    }

    /** Pairs of cents and the expected text of the unit price. */
    private void expect(String rule, Object... centsAndText) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < centsAndText.length; i += 2) {
            long cents = ((Number) centsAndText[i]).longValue();
            String text = (String) centsAndText[i + 1];
            String actual = mismatch(serialize(writer, withPrice(cents)), "unitPrice", bytes(text));
            if (actual != null) {
                wrong.add(cents + " cents as " + actual + " instead of «" + text + "»");
            }
        }
        if (!wrong.isEmpty()) {
            fail(rule + ": unit price " + String.join("; ", wrong));
        }
    }
}
