package dev.hotpath.hotlock;

import dev.hotpath.hotlock.workload.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store keeps each account's rows as a sequence: version 1, 2, 3, … each balance following from
 * the one before. Round trips vary in length, so two writes in progress at once can finish in either
 * order; these tests make that happen often.
 */
@DisplayName("Order: each account's updates reach the store in the order they were applied")
class OrderTest {

    @Test
    @DisplayName("rows of one account reach the store in version order")
    void rowsOfAnAccountStayInOrder() {
        Scenario scenario = Scenario.run(201, 2_000, 4, 16, Scenario.ROUND_TRIP, 4, 50, 1_000).completed();

        scenario.expectNo(Audit.accountOrder(scenario.store.log()));
    }

    @Test
    @DisplayName("batches of one account reach the store in order, however many are waiting")
    void batchesOfAnAccountStayInOrder() {
        // Small batches fill fast, so several batches of the same accounts are ready at the same moment.
        Scenario scenario = Scenario.run(202, 3_000, 4, 16, Scenario.ROUND_TRIP, 4, 5, 1_000).completed();

        scenario.expectNo(Audit.accountOrder(scenario.store.log()));
    }
}
