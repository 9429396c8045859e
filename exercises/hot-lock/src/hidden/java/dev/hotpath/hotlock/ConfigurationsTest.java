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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
    /**
     * Configurations checked whatever the time (the deterministic traps fail within these), then more
     * until the budget, counted from the start, is spent: on a busy machine, the minimum alone.
     */
    private static final int MIN_CONFIGURATIONS = 8;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** Events one processor of the measured configuration takes in its long life: more than the benchmark's warm-up. */
    private static final int LONG_LIFE_EVENTS = 20_000;
    /**
     * Rounds of new accounts: events per round (every other one opens an account), threads, rounds run
     * whatever the time, time budget. The racy trap fails in the first round or two.
     */
    private static final int NEW_ACCOUNTS = 10_000;
    private static final int NEW_ACCOUNT_WORKERS = 16;
    private static final int MIN_NEW_ACCOUNT_ROUNDS = 5;
    private static final long NEW_ACCOUNTS_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

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
    @DisplayName("the measured configuration: the standard pool and store limits on the seeded stream of this grading, and a long life")
    void measuredConfiguration() throws InterruptedException {
        List<Event> events = EventStream.standard().first(1_000);
        Store store = new Store(Scenario.ROUND_TRIP, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN,
                Store.SEED);
        AccountProcessor processor = new AccountProcessor(store);
        Workers.Run run = Workers.run(processor, store, events, Workers.STANDARD_WORKERS);
        problem(run, store, processor, events).ifPresent(problem -> fail("with the measured configuration (16 workers,"
                + " the standard store's limits, seed " + EventStream.measuredSeed() + "): " + problem));
        // close() on the measured configuration: everything is in the store the moment it returns.
        Store closing = new Store(Scenario.ROUND_TRIP, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN,
                Store.SEED);
        AccountProcessor closed = new AccountProcessor(closing);
        Workers.Run closeRun = backToBack(closed, closing, events, Workers.STANDARD_WORKERS);
        problem(closeRun, closing, closed, events).ifPresent(problem -> fail("with the measured configuration (16"
                + " workers, the standard store's limits, seed " + EventStream.measuredSeed() + "): " + problem));
        // The measured processor lives long: code that is right only while young goes wrong here.
        List<Event> life = EventStream.standard().first(LONG_LIFE_EVENTS);
        Store fast = new Store(Duration.ZERO, Store.CONNECTIONS, Store.MAX_BATCH_SIZE, Store.MAX_UNWRITTEN, Store.SEED);
        AccountProcessor old = new AccountProcessor(fast);
        Workers.Run lived = backToBack(old, fast, life, Workers.STANDARD_WORKERS);
        problem(lived, fast, old, life).ifPresent(problem -> fail(String.format(Locale.ROOT, "with the measured"
                + " configuration over a long life (%,d events of the measured stream through one processor, as in"
                + " the benchmark): %s", LONG_LIFE_EVENTS, problem)));
    }

    @Test
    @DisplayName("many workers creating new accounts at the same moment")
    void newAccountsFromManyWorkers() throws InterruptedException {
        // Every other event opens an account: whatever holds the accounts grows (and resizes) under all
        // workers at once, and two workers take the two events of a new account at the same moment. The
        // workers call process() back to back (the pool's stopwatch would dilute the race), in rounds
        // with a fresh processor, until the budget is spent.
        long deadline = System.nanoTime() + NEW_ACCOUNTS_BUDGET_NANOS;
        for (int round = 0; round < MIN_NEW_ACCOUNT_ROUNDS || System.nanoTime() < deadline; round++) {
            List<Event> events = newAccounts(SEED + round);
            Store store = new Store(Duration.ZERO, 2 + round % 2, 50, 1_000, SEED);
            AccountProcessor processor = new AccountProcessor(store);
            Workers.Run run = backToBack(processor, store, events, NEW_ACCOUNT_WORKERS);
            int number = round;
            problem(run, store, processor, events).ifPresent(problem -> fail("with " + NEW_ACCOUNT_WORKERS
                    + " workers opening " + NEW_ACCOUNTS / 2 + " new accounts at once, each account's two events side"
                    + " by side (round " + number + "): " + problem));
        }
    }

    /**
     * Events that each open an account and, right behind them, a second event of the same account:
     * neighbouring workers take them at the same moment. Account numbers are spread over the range.
     */
    private static List<Event> newAccounts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>(NEW_ACCOUNTS);
        while (events.size() < NEW_ACCOUNTS) {
            int account = 1 + random.nextInt(Integer.MAX_VALUE);
            events.add(new Event(events.size() + 1, account, 1 + random.nextInt(1_000)));
            events.add(new Event(events.size() + 1, account, -1 - random.nextInt(1_000)));
        }
        return events;
    }

    /**
     * Runs {@code events} through {@code workers} threads calling process() back to back, then close(),
     * and reads the store the moment close() returns.
     */
    private static Workers.Run backToBack(AccountProcessor processor, Store store, List<Event> events, int workers)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i; failure.get() == null && (i = next.getAndIncrement()) < events.size(); ) {
                        processor.process(events.get(i));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, "process() threw " + t);
                }
            });
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(Workers.DEADLINE_SECONDS));
            if (thread.isAlive()) {
                failure.compareAndSet(null, "after " + Workers.DEADLINE_SECONDS + " s, a worker was still inside"
                        + " process() (" + thread.getState() + ")");
            }
        }
        if (failure.get() == null) {
            try {
                processor.close();
                long missing = events.size() - store.rowsWritten();
                if (missing > 0) {
                    failure.compareAndSet(null, String.format(Locale.ROOT, "close() returned while %,d of the %,d"
                            + " updates were not in the store yet; when close() returns, every update is written",
                            missing, events.size()));
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, "close() threw " + e);
            }
        }
        return new Workers.Run(next.get(), 0, 0, 0, failure.get());
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
