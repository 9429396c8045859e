package dev.hotpath.platform.grading;

/**
 * What keeps one learner, one address, or everyone together from flooding the graders. On top of
 * these, a learner has at most one submission in flight: a second would only wait behind the first,
 * so that is no setting. The database enforces them, so they hold across any number of web nodes.
 *
 * @param perLearnerPerMinute submissions a learner may make in any 60 seconds
 * @param perAddressInFlight  submissions from one client address that may be queued or graded at once:
 *                            many accounts made by one person share it (a classroom behind one NAT does too,
 *                            so it is generous)
 * @param maxQueued           submissions that may wait in the queue at once
 * @param workers             gradings this process runs at the same time; measurements never overlap regardless
 */
public record GradingLimits(int perLearnerPerMinute, int perAddressInFlight, int maxQueued, int workers) {

    public static final int DEFAULT_PER_ADDRESS_IN_FLIGHT = 20;
    public static final GradingLimits DEFAULT = new GradingLimits(6, DEFAULT_PER_ADDRESS_IN_FLIGHT, 50, 2);

    public GradingLimits {
        if (perLearnerPerMinute < 1 || perAddressInFlight < 1 || maxQueued < 1 || workers < 0) {
            throw new IllegalArgumentException("grading limits must be positive: " + perLearnerPerMinute + ", "
                    + perAddressInFlight + ", " + maxQueued + ", " + workers);
        }
    }

    /** With the default cap per address. */
    public GradingLimits(int perLearnerPerMinute, int maxQueued, int workers) {
        this(perLearnerPerMinute, DEFAULT_PER_ADDRESS_IN_FLIGHT, maxQueued, workers);
    }

    /** The same limits with {@code workers} grading slots in this process (0: this process does not grade). */
    public GradingLimits withWorkers(int slots) {
        return new GradingLimits(perLearnerPerMinute, perAddressInFlight, maxQueued, slots);
    }
}
