package dev.hotpath.hotlock;

import dev.hotpath.hotlock.workload.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** The store rejects a write with more rows than its limit; these stores have other limits than the standard 50. */
@DisplayName("Batches: no write carries more rows than the store accepts")
class BatchTest {

    @Test
    @DisplayName("writes stay within the store's batch limit")
    void batchesStayWithinTheStoresLimit() {
        Scenario scenario = Scenario.run(401, 1_000, 20, 16, Scenario.ROUND_TRIP, 4, 7, 1_000);

        // The store's own record first: a rejected batch usually also makes process() throw.
        scenario.expectNo(Audit.batchLimit(scenario.store)).completed();
    }

    @Test
    @DisplayName("the writes made by close() stay within the store's batch limit too")
    void closeStaysWithinTheStoresLimit() {
        // 180 events over 100 accounts: no account, and no likely group of accounts, fills a batch of 50
        // before close(), so close() has many partial batches to write.
        Scenario scenario = Scenario.run(402, 180, 100, 4, Duration.ZERO, 4, 50, 1_000);

        scenario.expectNo(Audit.batchLimit(scenario.store)).completed();
    }
}
