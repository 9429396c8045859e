package dev.hotpath.grader.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0.005, 0.005", "0.0202, 0.0202", "0.13229, 0.132", "1.0, 1", "2.4, 2.4", "7.3592, 7.36",
            "165.881, 166", "29002, 29000", "NaN, NaN"})
    void keepsThreeSignificantDigits(double value, String shown) {
        assertThat(Numbers.significant(value)).isEqualTo(shown);
    }
}
