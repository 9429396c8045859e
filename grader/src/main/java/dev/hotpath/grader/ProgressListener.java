package dev.hotpath.grader;

/**
 * Receives progress while a submission is graded: a terminal prints it, the web platform streams it
 * to the browser. Called from the grading thread; implementations should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void progress(ProgressEvent event);
}
