package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.store.StoreUnavailableException;
import dev.hotpath.hotlock.store.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Reference solution. The accounts are split into as many shards as the store has connections, and
 * each shard has one writer thread of its own:
 * <ul>
 *   <li>A worker updates its event's account under the shard's lock (memory only, nanoseconds) and
 *       appends the update to the shard's pending batch; a full batch goes to the shard's queue.
 *       No worker ever holds a lock across I/O, and workers of different shards never meet.</li>
 *   <li>The shard's writer takes batches off the queue and writes each in one round trip. One writer
 *       per shard keeps each account's rows in order; one shard per connection means the writers
 *       never queue in the pool, and their round trips overlap.</li>
 *   <li>Each shard may hold its share of the unwritten limit. When the store falls behind, workers
 *       wait for room, first come first served, instead of piling up memory.</li>
 *   <li>{@link #close()} queues every partial batch, lets the writers finish and waits for them.</li>
 * </ul>
 */
public class AccountProcessor implements AutoCloseable {

    /** Tells a writer that no batch follows. */
    private static final List<Update> END = List.of();

    private static final class Account {
        long count;
        long balance;
    }

    private static final class Shard {
        final Map<Integer, Account> accounts = new HashMap<>(); // guarded by this
        List<Update> pending;                                   // guarded by this
        /** Full batches, oldest first, for the shard's writer. */
        final BlockingQueue<List<Update>> full = new LinkedBlockingQueue<>();
        /**
         * One permit per update the shard may still hold unwritten: taken before the update is
         * applied, given back when its batch is committed. Fair, so a waiting worker is not overtaken.
         */
        final Semaphore room;

        Shard(int limit, int batchSize) {
            room = new Semaphore(limit, true);
            pending = new ArrayList<>(batchSize);
        }
    }

    /** A writer thread and the shard it writes. */
    private record Writer(Shard shard, Thread thread) {
    }

    private final Store store;
    private final Shard[] shards;
    private final int batchSize;
    private final List<Writer> writers = new ArrayList<>();
    private volatile RuntimeException writeFailure;
    private boolean closed; // guarded by this

    public AccountProcessor(Store store) {
        this.store = store;
        // Never more shards than the unwritten limit has room for: each needs room for one update.
        this.shards = new Shard[Math.min(store.connections(), store.maxUnwritten())];
        int shardLimit = store.maxUnwritten() / shards.length;
        this.batchSize = Math.max(1, Math.min(store.maxBatchSize(), shardLimit));
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new Shard(shardLimit, batchSize);
        }
        for (Shard shard : shards) {
            writers.add(startWriter(shard));
        }
    }

    public void process(Event event) {
        checkWrites();
        Shard shard = shardOf(event.account());
        shard.room.acquireUninterruptibly(); // waits only while the store is behind
        synchronized (shard) {
            Account account = shard.accounts.computeIfAbsent(event.account(), id -> new Account());
            account.count++;
            account.balance += event.amount();
            shard.pending.add(new Update(event, account.count, account.balance));
            if (shard.pending.size() == batchSize) {
                shard.full.add(shard.pending); // queued under the lock, so batches queue in the order they filled
                shard.pending = new ArrayList<>(batchSize);
            }
        }
    }

    public long balance(int account) {
        Shard shard = shardOf(account);
        synchronized (shard) {
            Account aggregates = shard.accounts.get(account);
            return aggregates == null ? 0 : aggregates.balance;
        }
    }

    public long count(int account) {
        Shard shard = shardOf(account);
        synchronized (shard) {
            Account aggregates = shard.accounts.get(account);
            return aggregates == null ? 0 : aggregates.count;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // the first close() wrote everything
        }
        closed = true;
        for (Shard shard : shards) {
            synchronized (shard) {
                if (!shard.pending.isEmpty()) {
                    shard.full.add(shard.pending); // the tail: a partial batch is written like a full one
                    shard.pending = new ArrayList<>(0);
                }
            }
        }
        for (Writer writer : writers) {
            writer.shard().full.add(END); // behind every batch, so each writer writes them all first
        }
        for (Writer writer : writers) {
            joinUninterruptibly(writer.thread()); // close() returns only once everything is in the store
        }
        checkWrites();
    }

    private Writer startWriter(Shard shard) {
        Thread thread = new Thread(() -> writeBatches(shard), "account-writer-" + writers.size());
        thread.setDaemon(true); // a processor that is never closed must not keep the JVM alive
        thread.start();
        return new Writer(shard, thread);
    }

    /** The writer's loop: the only place that talks to the store for this shard. */
    private void writeBatches(Shard shard) {
        while (true) {
            List<Update> batch = takeUninterruptibly(shard.full);
            if (batch == END) {
                return;
            }
            try {
                while (writeFailure == null) {
                    try {
                        store.write(batch); // one round trip for the whole batch, holding no lock
                        break;
                    } catch (StoreUnavailableException e) {
                        // Nothing of it was written: the same batch again, before the shard's next one.
                    }
                }
            } catch (RuntimeException e) {
                writeFailure = e; // reported to the workers and to close()
            } finally {
                shard.room.release(batch.size());
            }
        }
    }

    private void checkWrites() {
        RuntimeException failure = writeFailure;
        if (failure != null) {
            throw new IllegalStateException("writing to the store failed: " + failure.getMessage(), failure);
        }
    }

    private Shard shardOf(int account) {
        return shards[Math.floorMod(account, shards.length)];
    }

    private static List<Update> takeUninterruptibly(BlockingQueue<List<Update>> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
