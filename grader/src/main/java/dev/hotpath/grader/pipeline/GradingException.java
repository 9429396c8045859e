package dev.hotpath.grader.pipeline;

/** Grading could not go on for a reason that is not the learner's fault: the verdict is ERROR. */
public class GradingException extends Exception {

    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
