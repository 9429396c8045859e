package dev.hotpath.hotlock.probe;

import dev.hotpath.hotlock.AccountProcessor;
import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import dev.hotpath.hotlock.workload.Workers;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Cost counter: store round trips while the standard pool of 16 workers processes the first
 * {@value #EVENTS} events of the standard stream, close() included. The store has the standard limits
 * but no latency: round trips are counted here, not timed, which keeps the probe quick. Every result
 * is checked, so skipping writes cannot look cheap.
 */
public final class StoreRoundTripsProbe implements LongSupplier {

    public static final int EVENTS = 10_000;

    @Override
    public long getAsLong() {
        List<Event> events = EventStream.standard().first(EVENTS);
        Store store = new Store(Duration.ZERO, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN, Store.SEED);
        AccountProcessor processor = new AccountProcessor(store);
        Workers.Run run = Workers.run(processor, store, events, Workers.STANDARD_WORKERS).checked();
        Probes.checkUnwritten(run, store);
        Audit.verify(store, processor, events);
        return store.roundTrips();
    }
}
