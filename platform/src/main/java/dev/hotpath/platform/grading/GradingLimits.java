package dev.hotpath.platform.grading;

/**
 * What keeps one learner, or everyone together, from flooding a machine whose two cores grade. On
 * top of these, a learner has at most one submission in flight: a second would only wait behind the
 * first, so that is no setting.
 *
 * @param perLearnerPerMinute submissions a learner may make in any 60 seconds
 * @param maxQueued           submissions that may wait in the queue at once
 * @param workers             gradings that run at the same time; measurements never overlap regardless
 */
public record GradingLimits(int perLearnerPerMinute, int maxQueued, int workers) {

    public static final GradingLimits DEFAULT = new GradingLimits(6, 50, 2);

    public GradingLimits {
        if (perLearnerPerMinute < 1 || maxQueued < 1 || workers < 1) {
            throw new IllegalArgumentException("grading limits must be positive: " + perLearnerPerMinute + ", "
                    + maxQueued + ", " + workers);
        }
    }
}
