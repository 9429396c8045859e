package dev.hotpath.grader.exercise;

/** The exercise's build output is missing or older than its sources: not the learner's fault. */
public class ExerciseNotReadyException extends Exception {

    public ExerciseNotReadyException(String message) {
        super(message);
    }
}
