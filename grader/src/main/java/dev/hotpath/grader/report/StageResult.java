package dev.hotpath.grader.report;

/**
 * How one stage of the pipeline went.
 *
 * @param name    {@code compile}, {@code tests} or {@code performance}
 * @param message one line for people, e.g. "14 of 14 tests passed"
 */
public record StageResult(String name, Status status, long millis, String message) {

    public enum Status {
        PASSED, FAILED, ERROR, SKIPPED,
        /** Measured, but the data could not decide a threshold: the machine was too busy. */
        INCONCLUSIVE
    }

    public static StageResult skipped(String name, String why) {
        return new StageResult(name, Status.SKIPPED, 0, why);
    }
}
