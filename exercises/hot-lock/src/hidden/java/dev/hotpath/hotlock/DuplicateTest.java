package dev.hotpath.hotlock;

import dev.hotpath.hotlock.workload.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Duplicates: no update is written twice")
class DuplicateTest {

    @Test
    @DisplayName("every update reaches the store exactly once while many workers fill batches")
    void everyUpdateWrittenOnce() {
        // Small batches and 16 workers: batches fill while others are still being written.
        Scenario scenario = Scenario.run(501, 2_000, 8, 16, Scenario.ROUND_TRIP, 4, 10, 1_000);

        // Duplicates first, even if the run failed: they are the root cause this test is about.
        scenario.expectNo(Audit.writtenOnce(scenario.store.log()))
                .completed()
                .expectNo(Audit.complete(scenario.store.log(), scenario.events));
    }
}
