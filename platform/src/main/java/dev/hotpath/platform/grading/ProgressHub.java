package dev.hotpath.platform.grading;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each change of a submission to whoever follows it (the browser's event stream). A grading in this
 * process publishes its steps at once; a grading in another process (a worker on another machine) is read
 * from the database every {@code poll}, so a step reaches the browser at most one poll (plus a query) late.
 * A follower that reconnects reads the current state from the database first, so nothing is lost when a
 * process restarts.
 */
final class ProgressHub implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProgressHub.class.getName());

    private final Map<Long, Set<Consumer<SubmissionStatus>>> followers = new ConcurrentHashMap<>();
    /** The last status handed out per followed submission: the poller passes on changes only. */
    private final Map<Long, SubmissionStatus> lastPublished = new ConcurrentHashMap<>();
    private final Set<Long> gradedHere = ConcurrentHashMap.newKeySet();
    private final Function<Collection<Long>, List<SubmissionStatus>> reader;
    private final Duration poll;
    private final Thread poller;
    private volatile boolean running = true;

    /** @param reader the current status of each of some submissions, from the database */
    ProgressHub(Function<Collection<Long>, List<SubmissionStatus>> reader, Duration poll) {
        this.reader = reader;
        this.poll = poll;
        this.poller = new Thread(this::pollLoop, "progress-poller");
        poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    Subscription subscribe(long submissionId, Consumer<SubmissionStatus> follower) {
        followers.computeIfAbsent(submissionId, id -> new CopyOnWriteArraySet<>()).add(follower);
        return () -> followers.computeIfPresent(submissionId, (id, set) -> {
            set.remove(follower);
            if (set.isEmpty()) {
                lastPublished.remove(id);
                return null;
            }
            return set;
        });
    }

    /** While a submission is graded in this process its steps come from {@link #publish}, not the poller. */
    void gradingHere(long submissionId, boolean here) {
        if (here) {
            gradedHere.add(submissionId);
        } else {
            gradedHere.remove(submissionId);
        }
    }

    void publish(SubmissionStatus status) {
        Set<Consumer<SubmissionStatus>> current = status.done()
                ? followers.remove(status.id())
                : followers.get(status.id());
        if (current == null) {
            return;
        }
        if (status.done()) {
            lastPublished.remove(status.id());
        } else {
            lastPublished.put(status.id(), status);
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

    private void pollLoop() {
        while (running) {
            try {
                Thread.sleep(poll.toMillis());
                List<Long> remote = followers.keySet().stream().filter(id -> !gradedHere.contains(id)).toList();
                if (!remote.isEmpty()) {
                    for (SubmissionStatus status : reader.apply(remote)) {
                        if (!gradedHere.contains(status.id()) && !status.equals(lastPublished.get(status.id()))) {
                            publish(status);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "reading the progress of followed submissions failed; retrying", e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
