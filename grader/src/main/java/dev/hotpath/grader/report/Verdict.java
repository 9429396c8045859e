package dev.hotpath.grader.report;

/** The outcome of grading. */
public enum Verdict {
    /** Correct, and performance shifted as the lesson expects. */
    PASS,
    /** The submission is wrong, or correct but not fast enough: the learner has something to fix. */
    FAIL,
    /** The grader or the exercise failed; not the learner's fault. */
    ERROR,
    /**
     * Correct, but a timing metric's confidence interval straddled its threshold even after measuring
     * more: the machine was too busy for a fair measurement. Not a judgement of the code; grade again.
     */
    INCONCLUSIVE
}
