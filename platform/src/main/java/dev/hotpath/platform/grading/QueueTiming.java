package dev.hotpath.platform.grading;

import java.time.Duration;

/**
 * The queue's clocks.
 *
 * @param lease      how long a worker owns a submission without a heartbeat: a worker that dies mid-grading
 *                   loses it this long after its last beat, and another worker grades it again
 * @param heartbeat  how often a worker renews its leases and looks for expired ones; well under {@code lease}
 * @param progressPoll how often a web node reads the progress of submissions graded by other processes: the
 *                   bound on how late a browser sees a step; idle slots look for new work every 4 polls
 * @param remeasureBackOff the wait before an inconclusive measurement is tried again; doubled for each try
 */
public record QueueTiming(Duration lease, Duration heartbeat, Duration progressPoll, Duration remeasureBackOff) {

    public static final QueueTiming DEFAULT = new QueueTiming(Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofMillis(250), Duration.ofSeconds(20));

    public QueueTiming {
        if (heartbeat.compareTo(lease.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("the heartbeat (" + heartbeat + ") must be at most half the lease ("
                    + lease + "), or a live worker could lose its lease");
        }
    }

    /** The default timing with a lease of {@code lease} and a heartbeat of a sixth of it. */
    public static QueueTiming withLease(Duration lease) {
        return new QueueTiming(lease, lease.dividedBy(6), DEFAULT.progressPoll(), DEFAULT.remeasureBackOff());
    }
}
