package dev.hotpath.platform.grading;

import dev.hotpath.grader.report.Verdict;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A submission as the queue sees it: everything but its files and its report.
 *
 * @param stage        the grader's stage while RUNNING ({@code compile}, {@code policy}, {@code tests},
 *                     {@code performance}); null while queued
 * @param stageMessage the latest progress message, e.g. "12 of 21 tests passed so far"
 * @param attempts     how many times a worker started grading it: 2 after a crash during grading
 * @param remeasures   how many of those gradings ended INCONCLUSIVE and were queued again to measure again
 * @param verdict      null until DONE
 */
public record SubmissionStatus(long id, long userId, String exerciseId, SubmissionState state, @Nullable String stage,
                               String stageMessage, int attempts, int remeasures, @Nullable Verdict verdict, String summary,
                               Instant submittedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    public boolean done() {
        return state == SubmissionState.DONE;
    }
}
