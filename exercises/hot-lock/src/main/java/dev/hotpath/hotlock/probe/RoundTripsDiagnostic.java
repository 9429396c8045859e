package dev.hotpath.hotlock.probe;

import dev.hotpath.hotlock.AccountProcessor;
import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Workers;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Says why {@link StoreRoundTripsProbe} counted what it counted: runs the same workload and reports how
 * many rows each round trip carried, against the most the store takes in one.
 */
public final class RoundTripsDiagnostic implements Supplier<String> {

    @Override
    public String get() {
        List<Event> events = EventStream.standard().first(StoreRoundTripsProbe.EVENTS);
        Store store = new Store(Duration.ZERO, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN, Store.SEED);
        AccountProcessor processor = new AccountProcessor(store);
        Workers.run(processor, store, events, Workers.STANDARD_WORKERS).checked();
        long trips = Math.max(1, store.roundTrips());
        return String.format(Locale.ROOT, "your processor wrote %,d rows in %,d round trips: %.1f rows per round trip"
                        + " on average, %,d at most, where one round trip may carry %,d",
                store.rowsWritten(), store.roundTrips(), (double) store.rowsWritten() / trips, store.largestBatch(),
                store.maxBatchSize());
    }
}
