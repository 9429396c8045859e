package dev.hotpath.platform.grading;

/** A submission that was not stored; the message tells the learner why and what to do. */
public class SubmissionRefusedException extends Exception {

    public enum Reason {
        /** No exercise has this id. */
        UNKNOWN_EXERCISE,
        /** The files do not fit the exercise (a missing, unexpected or oversized file). */
        INVALID_FILES,
        /** The learner's previous submission is still queued or being graded. */
        PREVIOUS_IN_FLIGHT,
        /** The learner submitted too often in the last minute. */
        TOO_FREQUENT,
        /** Too many submissions from the learner's address are queued or being graded already. */
        ADDRESS_BUSY,
        /** Too many submissions wait in the queue already. */
        QUEUE_FULL
    }

    private final Reason reason;

    public SubmissionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
