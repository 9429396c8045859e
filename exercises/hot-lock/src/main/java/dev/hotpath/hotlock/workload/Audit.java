package dev.hotpath.hotlock.workload;

import dev.hotpath.hotlock.AccountProcessor;
import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.store.Update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a run left behind against the events it processed, one property at a time. Each check
 * returns a description of the first problem it finds (which property broke, for which account or
 * event), or nothing. The tests, the cost counters and the benchmark all use these checks, so a fast
 * but wrong processor fails wherever it is measured.
 */
public final class Audit {

    private static final int MAX_QUICK_ACCOUNT = 1 << 16;

    private Audit() {
    }

    /** Every check, in an order that reports the most basic problem first; throws on the first one. */
    public static void verify(Store store, AccountProcessor processor, List<Event> processed) {
        List<Update> log = store.log();
        if (store.rejectedBatches() == 0 && allRight(log, processor, processed)) {
            return;
        }
        Optional<String> problem = batchLimit(store)
                .or(() -> writtenOnce(log))
                .or(() -> complete(log, processed))
                .or(() -> accountOrder(log))
                .or(() -> aggregates(processor, processed));
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
    }

    /**
     * Every check at once, quickly, for the common case of events with consecutive ids and small
     * account numbers (the benchmark checks tens of thousands of rows after every iteration). False
     * means "look closer", not necessarily "wrong": the separate checks then find and describe it.
     */
    private static boolean allRight(List<Update> log, AccountProcessor processor, List<Event> processed) {
        int n = processed.size();
        if (log.size() != n) {
            return false;
        }
        if (n == 0) {
            return true;
        }
        long firstId = processed.get(0).id();
        int maxAccount = 0;
        for (int i = 0; i < n; i++) {
            Event event = processed.get(i);
            if (event.id() != firstId + i || event.account() > MAX_QUICK_ACCOUNT) {
                return false;
            }
            maxAccount = Math.max(maxAccount, event.account());
        }
        boolean[] written = new boolean[n];
        long[] version = new long[maxAccount + 1];
        long[] balance = new long[maxAccount + 1];
        for (Update row : log) {
            Event event = row.event();
            long index = event.id() - firstId;
            if (index < 0 || index >= n || written[(int) index]) {
                return false;
            }
            Event expected = processed.get((int) index);
            if (event.account() != expected.account() || event.amount() != expected.amount()) {
                return false;
            }
            written[(int) index] = true;
            int account = row.account();
            if (row.version() != version[account] + 1 || row.balance() != balance[account] + event.amount()) {
                return false;
            }
            version[account] = row.version();
            balance[account] = row.balance();
        }
        // Every event written exactly once (n rows, no repeats); the last row of each account is its
        // state after all its events, which the aggregates must equal.
        for (int account = 1; account <= maxAccount; account++) {
            if (version[account] != 0
                    && (processor.count(account) != version[account] || processor.balance(account) != balance[account])) {
                return false;
            }
        }
        return true;
    }

    /** No write was rejected for carrying more rows than the store accepts. */
    public static Optional<String> batchLimit(Store store) {
        if (store.rejectedBatches() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the store was sent %,d batch(es) larger than its limit of %,d"
                        + " rows (the largest had %,d rows); it rejected them, and their rows were not written",
                store.rejectedBatches(), store.maxBatchSize(), store.largestBatch()));
    }

    /** No event reached the store more than once. */
    public static Optional<String> writtenOnce(List<Update> log) {
        long[] ids = ids(log);
        Arrays.sort(ids);
        long duplicated = 0;
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1] && (i == 1 || ids[i - 1] != ids[i - 2])) {
                duplicated++;
            }
        }
        if (duplicated == 0) {
            return Optional.empty();
        }
        // The first duplicate in commit order, for the message.
        Set<Long> seen = new HashSet<>();
        for (Update row : log) {
            if (!seen.add(row.event().id())) {
                long id = row.event().id();
                long times = log.stream().filter(r -> r.event().id() == id).count();
                return Optional.of(String.format(Locale.ROOT, "%s reached the store %d times (%,d event(s) were"
                        + " written more than once); every update must be written exactly once", row.event(), times,
                        duplicated));
            }
        }
        throw new AssertionError("unreachable: a duplicate id was counted but not found");
    }

    /** Every processed event reached the store, and nothing else did. */
    public static Optional<String> complete(List<Update> log, List<Event> processed) {
        long[] expected = new long[processed.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = processed.get(i).id();
        }
        long[] sortedExpected = expected.clone();
        Arrays.sort(sortedExpected);
        for (Update row : log) {
            int at = Arrays.binarySearch(sortedExpected, row.event().id());
            if (at < 0 || !processedEvent(processed, expected, row.event().id()).equals(row.event())) {
                return Optional.of("the store received " + row.event() + ", which is not one of the events processed");
            }
        }
        long[] written = ids(log);
        Arrays.sort(written);
        List<Event> missing = new ArrayList<>();
        for (Event event : processed) {
            if (Arrays.binarySearch(written, event.id()) < 0) {
                missing.add(event);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%,d of the %,d events processed never reached the store, for"
                + " example %s", missing.size(), processed.size(), missing.get(0)));
    }

    /**
     * Each account's rows reached the store as one sequence: versions 1, 2, 3, … in commit order, each
     * balance the previous one plus the event's amount.
     */
    public static Optional<String> accountOrder(List<Update> log) {
        // One pass with each account's last version and balance; only a problem needs a closer look.
        Map<Integer, long[]> last = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            Update row = log.get(i);
            long[] state = last.computeIfAbsent(row.account(), k -> new long[2]);
            if (row.version() != state[0] + 1 || row.balance() != state[1] + row.event().amount()) {
                return Optional.of(describeSequence(row.account(), log));
            }
            state[0] = row.version();
            state[1] = row.balance();
        }
        return Optional.empty();
    }

    /** What is wrong with the sequence of {@code account}'s rows (known to be wrong). */
    private static String describeSequence(int account, List<Update> log) {
        List<Update> rows = log.stream().filter(row -> row.account() == account).toList();
        Set<Long> versions = new HashSet<>();
        rows.forEach(row -> versions.add(row.version()));
        long balance = 0;
        for (int i = 0; i < rows.size(); i++) {
            Update row = rows.get(i);
            long expected = i + 1L;
            if (row.version() < expected) {
                // The rows before this one were exactly versions 1..i, so this version came before.
                Update first = rows.get((int) row.version() - 1);
                if (first.event().id() == row.event().id()) {
                    return String.format(Locale.ROOT, "account %d: version %d (%s) reached the store twice", account,
                            row.version(), row.event());
                }
                return String.format(Locale.ROOT, "account %d: version %d reached the store twice, for %s and for %s:"
                                + " two updates were applied to the same state of the account, so one of them was lost",
                        account, row.version(), first.event(), row.event());
            }
            if (row.version() > expected) {
                if (versions.contains(expected)) {
                    return String.format(Locale.ROOT, "account %d: updates reached the store out of order: version %d"
                            + " before version %d", account, row.version(), expected);
                }
                return String.format(Locale.ROOT, "account %d: version %d never reached the store (the rows go from"
                        + " version %d to version %d)", account, expected, expected - 1, row.version());
            }
            if (row.balance() != balance + row.event().amount()) {
                return String.format(Locale.ROOT, "account %d: version %d (%s) says balance %,d, but version %d said"
                                + " %,d, and %,d %+,d is %,d", account, row.version(), row.event(), row.balance(),
                        expected - 1, balance, balance, row.event().amount(), balance + row.event().amount());
            }
            balance = row.balance();
        }
        throw new AssertionError("unreachable: account " + account + "'s rows were found wrong, then right");
    }

    private static long[] ids(List<Update> log) {
        long[] ids = new long[log.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = log.get(i).event().id();
        }
        return ids;
    }

    /** The processed event with this id; processed ids are usually consecutive, which makes this quick. */
    private static Event processedEvent(List<Event> processed, long[] ids, long id) {
        int guess = (int) Math.min(Math.max(0, id - ids[0]), ids.length - 1);
        if (ids[guess] == id) {
            return processed.get(guess);
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return processed.get(i);
            }
        }
        throw new AssertionError("unreachable: id " + id + " was found, then not");
    }

    /** The processor's aggregates count every processed event exactly once. */
    public static Optional<String> aggregates(AccountProcessor processor, List<Event> processed) {
        Map<Integer, long[]> expected = new LinkedHashMap<>();
        for (Event event : processed) {
            long[] sums = expected.computeIfAbsent(event.account(), k -> new long[2]);
            sums[0]++;
            sums[1] += event.amount();
        }
        for (Map.Entry<Integer, long[]> entry : expected.entrySet()) {
            int account = entry.getKey();
            long count = processor.count(account);
            long balance = processor.balance(account);
            long[] sums = entry.getValue();
            if (count != sums[0]) {
                return Optional.of(String.format(Locale.ROOT, "account %d: %,d of its events were processed, but"
                        + " count(%d) is %,d%s", account, sums[0], account, count,
                        count < sums[0] ? ": updates were lost" : ""));
            }
            if (balance != sums[1]) {
                return Optional.of(String.format(Locale.ROOT, "account %d: its %,d events add up to %,d cents, but"
                        + " balance(%d) is %,d", account, sums[0], sums[1], account, balance));
            }
        }
        return Optional.empty();
    }
}
