package dev.hotpath.grader.pipeline;

import org.jspecify.annotations.Nullable;

/** Grading could not go on for a reason that is not the learner's fault: the verdict is ERROR. */
public class GradingException extends Exception {

    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
