package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.report.MetricResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-test interval: exact ranks, honest coverage, and the three-way decision. */
class RatioIntervalTest {

    private static final Metric THROUGHPUT = new Metric("throughput", "ops", Metric.Kind.BENCHMARK, "B.m", "ops/s",
            Direction.HIGHER, 2.4, Optional.empty());

    @Test
    void ranksMatchTheBinomialTables() {
        // Published sign-test ranks for a two-sided 95 % interval (e.g. Conover, Practical Nonparametric Statistics).
        assertThat(RatioInterval.rank(5, 0.05)).isZero();
        assertThat(RatioInterval.rank(6, 0.05)).isEqualTo(1);
        assertThat(RatioInterval.rank(10, 0.05)).isEqualTo(2);
        assertThat(RatioInterval.rank(20, 0.05)).isEqualTo(6);
        assertThat(RatioInterval.rank(30, 0.05)).isEqualTo(10);
    }

    @Test
    void boundsAreOrderStatisticsAroundTheMedian() {
        List<Double> ratios = DoubleStream.of(1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10).boxed().toList();

        RatioInterval interval = RatioInterval.of(ratios, 0.05);

        assertThat(interval).isEqualTo(new RatioInterval(5.5, 2, 9, true));
    }

    @Test
    void tooFewPairsNeverDecide() {
        RatioInterval interval = RatioInterval.of(List.of(9.0, 9.1, 9.2), 0.05);

        assertThat(interval.bounded()).isFalse();
        assertThat(interval.decide(THROUGHPUT)).isEqualTo(MetricResult.Outcome.UNDECIDED);
    }

    @Test
    void decidesOnlyWhenTheWholeIntervalIsOnOneSide() {
        assertThat(interval(5.0, 6.0).decide(THROUGHPUT)).isEqualTo(MetricResult.Outcome.CLEARED);
        assertThat(interval(0.9, 1.1).decide(THROUGHPUT)).isEqualTo(MetricResult.Outcome.MISSED);
        assertThat(interval(2.0, 3.0).decide(THROUGHPUT)).isEqualTo(MetricResult.Outcome.UNDECIDED);
    }

    @Test
    void coversTheTrueMedianAtLeastAsOftenAsPromised() {
        // Skewed, heavy-tailed noise like a busy machine's: the interval must still cover the true ratio.
        Random random = new Random(42);
        int covered = 0;
        int trials = 2_000;
        for (int trial = 0; trial < trials; trial++) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                double noise = random.nextDouble() < 0.2 ? Math.exp(random.nextGaussian()) : 1 + 0.05 * random.nextGaussian();
                ratios.add(3.0 * noise / (random.nextDouble() < 0.2 ? Math.exp(random.nextGaussian()) : 1));
            }
            RatioInterval interval = RatioInterval.of(ratios, 0.05);
            double trueMedian = 3.0;
            if (interval.low() <= trueMedian && trueMedian <= interval.high()) {
                covered++;
            }
        }
        assertThat(covered).isGreaterThanOrEqualTo((int) (0.95 * trials));
    }

    private static RatioInterval interval(double low, double high) {
        return new RatioInterval((low + high) / 2, low, high, true);
    }
}
