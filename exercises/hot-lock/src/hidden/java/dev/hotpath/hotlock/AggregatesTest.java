package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

@DisplayName("Aggregates: every event counts exactly once")
class AggregatesTest {

    @Test
    @DisplayName("no update is lost when many workers update the same accounts at once")
    void concurrentUpdatesOfOneAccount() {
        // 16 workers, 4 accounts: at any moment several workers hold events of the same account.
        Scenario scenario = Scenario.run(101, 2_000, 4, 16, Scenario.ROUND_TRIP, 4, 50, 1_000).completed();

        scenario.expectNo(Audit.aggregates(scenario.processor, scenario.events))
                .expectNo(Audit.accountOrder(scenario.store.log()));
    }

    @Test
    @DisplayName("balance and count include an event as soon as process() returns")
    void queriesSeeEveryReturnedEvent() {
        Store store = new Store(Duration.ZERO, 4, 50, 1_000, 102);
        AccountProcessor processor = new AccountProcessor(store);
        Map<Integer, long[]> expected = new HashMap<>();
        for (Event event : new EventStream(102, 10, 0).first(300)) {
            processor.process(event);
            long[] sums = expected.computeIfAbsent(event.account(), k -> new long[2]);
            sums[0]++;
            sums[1] += event.amount();
            long count = processor.count(event.account());
            long balance = processor.balance(event.account());
            if (count != sums[0] || balance != sums[1]) {
                fail("after process(" + event + ") returned, count(" + event.account() + ") was " + count
                        + " and balance(" + event.account() + ") was " + balance + ", but the account's events so far"
                        + " number " + sums[0] + " and add up to " + sums[1] + ": the aggregates must include every"
                        + " event whose process() call has returned, written to the store or not");
            }
        }
    }
}
