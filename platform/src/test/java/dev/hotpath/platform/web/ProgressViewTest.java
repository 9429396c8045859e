package dev.hotpath.platform.web;

import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the result page's first step says about a submission that is measured again or graded again. */
class ProgressViewTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anInconclusiveMeasurementWaitingToBeRepeatedSaysMeasuringAgain() {
        SubmissionStatus queued = status(SubmissionState.QUEUED, null, 1, 1);

        ProgressView.Step step = ProgressView.steps(queued, null, 2).get(0);

        assertThat(step.state()).isEqualTo("current");
        assertThat(step.message()).isEqualTo("measuring again (try 2 of 3): the machine was too busy for a fair"
                + " measurement; 2 submissions ahead of yours");
    }

    @Test
    void theRepeatedMeasurementWhileItRunsStillSaysSo() {
        SubmissionStatus running = status(SubmissionState.RUNNING, "performance", 3, 2);

        assertThat(ProgressView.steps(running, null, 0).get(0).message())
                .isEqualTo("measuring again (try 3 of 3): the machine was too busy for a fair measurement");
    }

    @Test
    void aGradingInterruptedByItsGraderStoppingSaysGradedAgain() {
        assertThat(ProgressView.steps(status(SubmissionState.RUNNING, "tests", 2, 0), null, 0).get(0).message())
                .isEqualTo("graded again after the platform restarted");
        assertThat(ProgressView.steps(status(SubmissionState.RUNNING, "tests", 2, 1), null, 0).get(0).message())
                .startsWith("measuring again");
    }

    private static SubmissionStatus status(SubmissionState state, String stage, int attempts, int remeasures) {
        return new SubmissionStatus(7, 1, "cache-key-explosion", state, stage, null, attempts, remeasures, null, null,
                NOW, state == SubmissionState.QUEUED ? null : NOW, null);
    }
}
