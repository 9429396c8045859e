package dev.hotpath.platform.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The grading time the exercise page quotes: taken from recent gradings, never made up. */
class GradingTimesTest {

    @Test
    void withoutGradingsItSaysThereIsNoFigureYet() {
        assertThat(GradingTimes.of(List.of()).sentence()).startsWith("No grading of this exercise has finished here yet");
    }

    @Test
    void fromTenGradingsOnItQuotesTheMedianAndTheNinetiethPercentile() {
        // 5 s, 10 s, ..., 100 s, newest first as the repository gives them
        List<Long> millis = LongStream.rangeClosed(1, 20).map(i -> (21 - i) * 5_000).boxed().toList();

        GradingTimes times = GradingTimes.of(millis);

        assertThat(times.medianMillis()).isEqualTo(50_000);
        assertThat(times.ninetiethMillis()).isEqualTo(90_000);
        assertThat(times.sentence()).isEqualTo("Recent gradings of this exercise took 50 s (median), 1 min 30 s for 9 in 10"
                + " (last 20 gradings), plus any wait in the queue.");
    }

    @Test
    void fromFewGradingsItQuotesTheMedianAndTheSlowest() {
        assertThat(GradingTimes.of(List.of(61_000L, 12_400L, 30_000L)).sentence()).isEqualTo(
                "Recent gradings of this exercise took 30 s (median of 3), at most 1 min 01 s, plus any wait in the queue.");
    }
}
