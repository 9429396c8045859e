package dev.hotpath.platform.grading;

/** Where a submission is in the grading queue. */
public enum SubmissionState {
    /** Stored, waiting for a worker. */
    QUEUED,
    /** A worker is grading it; {@link SubmissionStatus#stage()} says which stage. */
    RUNNING,
    /** Graded: it has a verdict and a report. */
    DONE
}
