package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import dev.hotpath.hotlock.workload.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** A store that is unavailable now and then: a failed write wrote nothing, and writing it again succeeds. */
@DisplayName("Failures: a write that fails once, then succeeds")
class FailureTest {

    @Test
    @DisplayName("every update reaches the store once and in order although every 5th write fails")
    void storeFailsNowAndThen() {
        Store store = new Store(Scenario.ROUND_TRIP, 4, 10, 200, 701, 5);
        List<Event> events = new EventStream(701, 12, 0).first(600);
        AccountProcessor processor = new AccountProcessor(store);
        Workers.Run run = Workers.run(processor, store, events, 16);
        String context = "with a store whose every 5th write fails (it writes nothing; the same write again succeeds), ";
        if (run.failure() != null) {
            fail(context + run.failure());
        }
        List<dev.hotpath.hotlock.store.Update> log = store.log();
        Audit.writtenOnce(log)
                .or(() -> Audit.complete(log, events))
                .or(() -> Audit.accountOrder(log))
                .or(() -> Audit.aggregates(processor, events))
                .ifPresent(problem -> fail(context + problem));
        if (store.failedWrites() == 0) {
            fail("the store failed no write, so this test proved nothing (" + store.roundTrips() + " round trips)");
        }
    }
}
