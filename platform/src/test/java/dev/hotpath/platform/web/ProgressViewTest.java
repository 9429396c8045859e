package dev.hotpath.platform.web;

import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the result page's steps say: the first about a submission measured or graded again, the last its verdict. */
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

    @Test
    void theVerdictStepIsTickedOnlyForAPass() {
        assertThat(verdictStep(Verdict.PASS).state()).isEqualTo("done");
        assertThat(verdictStep(Verdict.FAIL).state()).isEqualTo("failed");
        assertThat(verdictStep(Verdict.ERROR).state()).isEqualTo("failed");
        assertThat(verdictStep(Verdict.INCONCLUSIVE).state()).isEqualTo("inconclusive");
        assertThat(verdictStep(Verdict.FAIL).message()).isEqualTo("FAIL");
    }

    private static ProgressView.Step verdictStep(Verdict verdict) {
        SubmissionStatus done = new SubmissionStatus(7, 1, "cache-key-explosion", SubmissionState.DONE, null, null, 1, 0,
                verdict, "why", NOW, NOW, NOW);
        List<ProgressView.Step> steps = ProgressView.steps(done, null, 0);
        return steps.get(steps.size() - 1);
    }

    private static SubmissionStatus status(SubmissionState state, String stage, int attempts, int remeasures) {
        return new SubmissionStatus(7, 1, "cache-key-explosion", state, stage, null, attempts, remeasures, null, null,
                NOW, state == SubmissionState.QUEUED ? null : NOW, null);
    }
}
