package dev.hotpath.platform.grading;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each change of a submission to whoever follows it (the browser's event stream). In memory:
 * a follower that reconnects reads the current state from the database first, so nothing is lost
 * when the platform restarts.
 */
final class ProgressHub {

    private static final Logger LOG = Logger.getLogger(ProgressHub.class.getName());

    private final Map<Long, Set<Consumer<SubmissionStatus>>> followers = new ConcurrentHashMap<>();

    Subscription subscribe(long submissionId, Consumer<SubmissionStatus> follower) {
        followers.computeIfAbsent(submissionId, id -> new CopyOnWriteArraySet<>()).add(follower);
        return () -> followers.computeIfPresent(submissionId, (id, set) -> {
            set.remove(follower);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(SubmissionStatus status) {
        Set<Consumer<SubmissionStatus>> current = status.done()
                ? followers.remove(status.id())
                : followers.get(status.id());
        if (current == null) {
            return;
        }
        for (Consumer<SubmissionStatus> follower : current) {
            try {
                follower.accept(status);
            } catch (RuntimeException e) {
                // One broken follower (a browser gone mid-write) must not stop the others or the grading.
                LOG.log(Level.FINE, "a follower of submission " + status.id() + " failed", e);
            }
        }
    }
}
