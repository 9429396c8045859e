package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.store.StoreUnavailableException;
import dev.hotpath.hotlock.store.Update;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies account events to in-memory aggregates (each account's balance and event count) and
 * persists every update to the {@link Store}.
 *
 * <p>Contract (the tests hold you to it):
 * <ul>
 *   <li><b>Many workers.</b> {@link #process(Event)} is called by many worker threads at once, with
 *       events of any accounts; two workers may hold events of the same account at the same moment.
 *       Events of one account commute: apply them in any order.</li>
 *   <li><b>Aggregates.</b> Once {@code process(e)} has returned, {@link #balance(int)} and
 *       {@link #count(int)} include {@code e}. An account with no events has balance 0 and count 0.</li>
 *   <li><b>Every update reaches the store exactly once,</b> as an {@link Update}: the event with its
 *       account's count (the version) and balance right after it was applied. The rows of one
 *       account must reach the store in the order they were applied: version 1, 2, 3, …</li>
 *   <li><b>Batches.</b> One {@link Store#write(List)} may carry up to {@link Store#maxBatchSize()}
 *       rows, for one account or many; the store rejects anything larger.</li>
 *   <li><b>Unwritten limit.</b> {@code process(e)} may return before {@code e} is written, but at
 *       no moment may more than {@link Store#maxUnwritten()} updates whose {@code process} call has
 *       returned be missing from the store. When the store falls behind, make the workers wait.</li>
 *   <li><b>Failures.</b> {@link Store#write(List)} may throw {@link StoreUnavailableException}: nothing
 *       of that batch was written, and writing it again succeeds. Every update must still reach the
 *       store exactly once and in its account's order.</li>
 *   <li><b>Shutdown.</b> The workers call {@link #close()} after every {@code process} call has
 *       returned. When {@code close()} returns, every update is in the store. Calling
 *       {@code close()} again does nothing.</li>
 * </ul>
 *
 * <p>Read the limits from the store you are given ({@link Store#maxBatchSize()},
 * {@link Store#connections()}, {@link Store#maxUnwritten()}): the tests use stores with other limits
 * than the standard one. Use only the JDK (java.util.concurrent is welcome), no reflection, and no
 * mutable static fields.
 */
public class AccountProcessor implements AutoCloseable {

    /** An account's aggregates. */
    private static final class Account {
        long count;
        long balance;
    }

    private final Store store;
    private final Map<Integer, Account> accounts = new HashMap<>(); // guarded by this

    public AccountProcessor(Store store) {
        this.store = store;
    }

    /**
     * Applies {@code event} to its account and persists the account's new state.
     *
     * <p>One lock keeps it simple and correct: the whole update, round trip included, happens while
     * holding it, so updates of an account can neither be lost nor reach the store out of order.
     */
    public synchronized void process(Event event) {
        Account account = accounts.computeIfAbsent(event.account(), id -> new Account());
        Update update = new Update(event, account.count + 1, account.balance + event.amount());
        // Persist first, then apply: memory never shows a state that the store does not have.
        writeUntilAccepted(List.of(update));
        account.count = update.version();
        account.balance = update.balance();
    }

    /** Writes {@code rows}, again as often as the store is unavailable: a failed write wrote nothing. */
    private void writeUntilAccepted(List<Update> rows) {
        while (true) {
            try {
                store.write(rows);
                return;
            } catch (StoreUnavailableException e) {
                // nothing of it was written: the same rows again
            }
        }
    }

    /** The balance of {@code account} in cents, counting every event whose {@code process} call returned. */
    public synchronized long balance(int account) {
        Account aggregates = accounts.get(account);
        return aggregates == null ? 0 : aggregates.balance;
    }

    /** How many events of {@code account} have been applied. */
    public synchronized long count(int account) {
        Account aggregates = accounts.get(account);
        return aggregates == null ? 0 : aggregates.count;
    }

    /** Makes sure every update is in the store. Each update was written as it was applied: nothing is left. */
    @Override
    public synchronized void close() {
    }
}
