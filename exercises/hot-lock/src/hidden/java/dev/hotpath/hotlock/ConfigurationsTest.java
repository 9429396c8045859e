package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import dev.hotpath.hotlock.workload.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated configurations under many schedules, every result checked against the model (the
 * events processed: each account's rows in order, exactly once, aggregates their sums, batches and
 * the unwritten limit within the store's). Limits at their smallest, worker counts from one to more
 * than the pool, account numbers anywhere in their range, stores that fail now and then.
 */
@DisplayName("Configurations: generated stores, pools and accounts, every result checked")
class ConfigurationsTest {

    private static final long SEED = 0xC0F16L;
    private static final int MIN_CONFIGURATIONS = 8;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(600);

    /** One generated configuration, for the message. */
    record Configuration(int workers, int connections, int maxBatchSize, int maxUnwritten, long roundTripNanos,
                         int failEvery, int accounts, int events, long seed) {

        static Configuration generate(SplittableRandom random, long seed) {
            int batch = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(60);
            int unwritten = random.nextInt(4) == 0 ? batch : batch * (1 + random.nextInt(20));
            return new Configuration(1 + random.nextInt(24), 1 + random.nextInt(6), batch, unwritten,
                    random.nextBoolean() ? 0 : 10_000 + random.nextInt(60_000),
                    random.nextInt(3) == 0 ? 2 + random.nextInt(12) : 0,
                    random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(300), 100 + random.nextInt(900), seed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d workers, %,d events over %d accounts; a store with %d connections,"
                            + " batches of at most %d, at most %d unwritten, round trips of %d µs%s (seed %d)", workers,
                    events, accounts, connections, maxBatchSize, maxUnwritten, roundTripNanos / 1_000,
                    failEvery == 0 ? "" : ", every " + failEvery + "th write failing", seed);
        }
    }

    @Test
    @DisplayName("generated configurations: every update in the store once, in order, within every limit")
    void generatedConfigurations() {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (long n = 0; n < MIN_CONFIGURATIONS || System.nanoTime() < deadline; n++) {
            SplittableRandom random = new SplittableRandom(SEED + n);
            Configuration configuration = Configuration.generate(random, SEED + n);
            check(configuration, random).ifPresent(problem -> fail("with " + configuration + ": " + problem));
        }
    }

    @Test
    @DisplayName("the measured configuration: the standard pool and store limits on the seeded stream of this grading")
    void measuredConfiguration() {
        List<Event> events = EventStream.standard().first(1_000);
        Store store = new Store(Scenario.ROUND_TRIP, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN,
                Store.SEED);
        AccountProcessor processor = new AccountProcessor(store);
        Workers.Run run = Workers.run(processor, store, events, Workers.STANDARD_WORKERS);
        problem(run, store, processor, events).ifPresent(problem -> fail("with the measured configuration (16 workers,"
                + " the standard store's limits, seed " + EventStream.measuredSeed() + "): " + problem));
    }

    @Test
    @DisplayName("many workers creating new accounts at the same moment")
    void newAccountsFromManyWorkers() {
        // Every other event opens an account: whatever holds the accounts grows under all workers at
        // once, and two workers often open the same account at the same moment. Rounds until the budget
        // is spent, so the workers overlap even on a busy machine.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
        for (int round = 0; round < 2 || System.nanoTime() < deadline; round++) {
            List<Event> events = new EventStream(SEED + round, 2_000, 0).first(4_000);
            Store store = new Store(Duration.ZERO, 1 + round % 2, 50, 1_000, SEED);
            AccountProcessor processor = new AccountProcessor(store);
            Workers.Run run = Workers.run(processor, store, events, Workers.STANDARD_WORKERS);
            int number = round;
            problem(run, store, processor, events).ifPresent(problem -> fail("with 16 workers opening 2,000 accounts"
                    + " at once (round " + number + "): " + problem));
        }
    }

    private static Optional<String> check(Configuration configuration, SplittableRandom random) {
        Store store = new Store(Duration.ofNanos(configuration.roundTripNanos()), configuration.connections(),
                configuration.maxBatchSize(), configuration.maxUnwritten(), configuration.seed(), configuration.failEvery());
        // Account numbers anywhere in their range: small, huge, next to each other, Integer.MAX_VALUE.
        int[] accountIds = new int[configuration.accounts() + 1];
        for (int i = 1; i < accountIds.length; i++) {
            int roll = random.nextInt(4);
            accountIds[i] = roll == 0 ? i : roll == 1 ? Integer.MAX_VALUE - i + 1 : 1 + random.nextInt(Integer.MAX_VALUE);
        }
        List<Event> events = new ArrayList<>();
        for (Event event : new EventStream(configuration.seed(), configuration.accounts(), random.nextDouble() * 1.5)
                .first(configuration.events())) {
            events.add(new Event(event.id(), accountIds[event.account()], event.amount()));
        }
        AccountProcessor processor = new AccountProcessor(store);
        Workers.Run run = Workers.run(processor, store, events, configuration.workers());
        return problem(run, store, processor, events);
    }

    private static Optional<String> problem(Workers.Run run, Store store, AccountProcessor processor, List<Event> events) {
        if (store.rejectedBatches() > 0) {
            return Audit.batchLimit(store);
        }
        if (run.failure() != null) {
            return Optional.of(run.failure());
        }
        if (run.maxUnwritten() > store.maxUnwritten()) {
            return Optional.of(String.format(Locale.ROOT, "unwritten limit: process() had returned for %,d updates that"
                    + " were not in the store yet; at most %,d may be unwritten at any moment", run.maxUnwritten(),
                    store.maxUnwritten()));
        }
        List<dev.hotpath.hotlock.store.Update> log = store.log();
        return Audit.writtenOnce(log)
                .or(() -> Audit.complete(log, events))
                .or(() -> Audit.accountOrder(log))
                .or(() -> Audit.aggregates(processor, events));
    }
}
