package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

@DisplayName("Shutdown: close() writes everything that was accepted, exactly once")
class ShutdownTest {

    @Test
    @DisplayName("after close(), every accepted update is in the store")
    void closeWritesEverythingAccepted() {
        // 303 events over 50 accounts: however the updates are batched, some batch is only partly full.
        // Round trips of the standard 1 ms: anything still being written when close() returns shows.
        Scenario scenario = Scenario.run(301, 303, 50, 16, Store.ROUND_TRIP, 4, 50, 1_000).completed();

        scenario.expectNo(Audit.complete(scenario.store.log(), scenario.events).map(problem ->
                "after close() returned, " + problem));
    }

    @Test
    @DisplayName("a second close() writes nothing again")
    void closeTwiceWritesOnce() {
        Store store = new Store(Duration.ZERO, 4, 50, 1_000, 302);
        AccountProcessor processor = new AccountProcessor(store);
        List<Event> events = new EventStream(302, 30, 0).first(137);
        events.forEach(processor::process);

        processor.close();
        processor.close();

        Scenario.expectNone(Audit.writtenOnce(store.log()).map(problem -> "after close() was called twice, " + problem));
        Scenario.expectNone(Audit.complete(store.log(), events).map(problem -> "after close(), " + problem));
    }
}
