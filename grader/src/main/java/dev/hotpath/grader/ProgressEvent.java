package dev.hotpath.grader;

import dev.hotpath.grader.report.StageResult;
import org.jspecify.annotations.Nullable;

/**
 * One step of grading.
 *
 * @param stage         a {@link dev.hotpath.grader.report.Stage#id()}, or {@code validate} for validation's own steps
 * @param phase         started, a progress update within the stage, or finished
 * @param message       for people, e.g. "starter, fork 2 of 2"
 * @param elapsedMillis time since grading started
 * @param result        the stage's result when {@code phase} is {@link Phase#FINISHED}, otherwise null
 */
public record ProgressEvent(String stage, Phase phase, String message, long elapsedMillis, @Nullable StageResult result) {

    public enum Phase { STARTED, UPDATE, FINISHED }
}
