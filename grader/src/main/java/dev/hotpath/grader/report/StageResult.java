package dev.hotpath.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one stage of the pipeline went.
 *
 * @param stage   which stage; {@code name} in JSON, e.g. {@code tests}
 * @param message one line for people, e.g. "14 of 14 tests passed"
 */
public record StageResult(@JsonProperty("name") Stage stage, Status status, long millis, String message) {

    public enum Status {
        PASSED, FAILED, ERROR, SKIPPED,
        /** Measured, but the data could not decide a threshold: the machine was too busy. */
        INCONCLUSIVE
    }

    public static StageResult skipped(Stage stage, String why) {
        return new StageResult(stage, Status.SKIPPED, 0, why);
    }
}
