package dev.hotpath.platform.grading;

import dev.hotpath.platform.auth.User;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What the web layer asks of grading. Nothing here grades in the caller's thread: {@link #submit}
 * stores the submission and returns, and workers grade it in the background.
 */
public interface GradingService {

    /**
     * Stores the submission and queues it for grading.
     *
     * @param clientAddress where the request came from: caps and fair order apply per address too
     * @param files         editable file path (relative to the exercise) → content
     * @return the new submission's id
     * @throws SubmissionRefusedException if it was not stored: unknown exercise, files that do not
     *                                    fit it, or a rate limit; the message says which
     */
    long submit(User learner, String clientAddress, String exerciseId, Map<String, String> files) throws SubmissionRefusedException;

    /**
     * Follows one submission: {@code subscriber} receives its current status at once, then every
     * change until its verdict. Called from grading threads; it should return quickly.
     */
    Subscription follow(long submissionId, Consumer<SubmissionStatus> subscriber);
}
