package dev.hotpath.hotlock;

import dev.hotpath.hotlock.workload.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.fail;

@DisplayName("Unwritten limit: when the store falls behind, workers wait")
class UnwrittenLimitTest {

    @Test
    @DisplayName("at most maxUnwritten() returned updates are missing from the store at any moment")
    void unwrittenUpdatesStayWithinTheLimit() {
        // A store with 2 connections and batches of 10 absorbs far fewer events per second than
        // 16 workers can hand in, so the processor must hold them back.
        Scenario scenario = Scenario.run(601, 2_000, 40, 16, Duration.ofNanos(200_000), 2, 10, 100).completed();

        if (scenario.run.maxUnwritten() > scenario.store.maxUnwritten()) {
            fail(String.format(Locale.ROOT, "process() had returned for %,d updates that were not in the store yet;"
                    + " at most %,d may be unwritten at any moment", scenario.run.maxUnwritten(),
                    scenario.store.maxUnwritten()));
        }
        scenario.expectNo(Audit.complete(scenario.store.log(), scenario.events));
    }
}
