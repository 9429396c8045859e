package dev.hotpath.grader.submission;

/** A submission that cannot be graded at all: a missing, unexpected, unreadable or oversized file. */
public class InvalidSubmissionException extends Exception {

    public InvalidSubmissionException(String message) {
        super(message);
    }
}
