package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Workers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One run of a seeded stream through a worker pool, for the hidden tests: the store, the processor,
 * the events and what the run reported. Round trips are shorter than the standard store's so the
 * starter, which makes one round trip per event, still passes quickly; what matters for the traps is
 * that they vary and overlap.
 */
final class Scenario {

    static final Duration ROUND_TRIP = Duration.ofNanos(100_000);

    final Store store;
    final AccountProcessor processor;
    final List<Event> events;
    final Workers.Run run;

    private Scenario(Store store, List<Event> events, int workers) {
        this.store = store;
        this.processor = new AccountProcessor(store);
        this.events = events;
        this.run = Workers.run(processor, store, events, workers);
    }

    /**
     * @param accounts     how many accounts the events spread over (evenly), few for many collisions
     * @param connections  the store's pool
     * @param maxBatchSize the store's batch limit
     * @param maxUnwritten the store's unwritten limit
     */
    static Scenario run(long seed, int events, int accounts, int workers, Duration roundTrip, int connections,
                        int maxBatchSize, int maxUnwritten) {
        Store store = new Store(roundTrip, connections, maxBatchSize, maxUnwritten, seed);
        return new Scenario(store, new EventStream(seed, accounts, 0).first(events), workers);
    }

    /** Fails with the run's own failure (an exception from process or close, a timeout), if any. */
    Scenario completed() {
        if (run.failure() != null) {
            fail(run.failure());
        }
        return this;
    }

    /** Fails with {@code problem}, if there is one. */
    Scenario expectNo(Optional<String> problem) {
        expectNone(problem);
        return this;
    }

    /** Fails with {@code problem}, if there is one. */
    static void expectNone(Optional<String> problem) {
        problem.ifPresent(message -> fail(message));
    }
}
