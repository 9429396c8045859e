package dev.hotpath.hotlock;

import dev.hotpath.hotlock.event.Event;
import dev.hotpath.hotlock.event.EventStream;
import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Audit;
import dev.hotpath.hotlock.workload.Workers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events processed per second in steady state by the standard pool of 16 workers (JMH's benchmark
 * threads), against the standard store: 1 ms round trips, 4 connections, 50 rows per write.
 *
 * <p>Each iteration starts a fresh store and processor. After each event the benchmark checks the
 * unwritten limit, so a processor cannot look fast by accepting events it has not written; after each
 * iteration it closes the processor and checks everything against the events processed (every update
 * in the store exactly once, each account's rows in order, aggregates right, no batch over the limit).
 * A wrong answer fails the benchmark instead of winning it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Workers.STANDARD_WORKERS)
public class AccountProcessorBenchmark {

    private final EventStream stream = EventStream.standard();
    /** Index of the next event of the stream; ids keep growing across iterations, so they stay unique. */
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private long first;
    private Store store;
    private AccountProcessor processor;

    @Setup(Level.Iteration)
    public void start() {
        store = new Store();
        processor = new AccountProcessor(store);
        first = next.get();
        returned.set(0);
    }

    @Benchmark
    public void processEvent() {
        processor.process(stream.event(next.getAndIncrement()));
        long unwritten = returned.incrementAndGet() - store.rowsWritten();
        if (unwritten > store.maxUnwritten()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "unwritten limit: process() had returned for %,d updates that"
                    + " were not in the store yet; at most %,d may be unwritten at any moment", unwritten,
                    store.maxUnwritten()));
        }
    }

    @TearDown(Level.Iteration)
    public void closeAndVerify() {
        processor.close();
        long end = next.get();
        List<Event> processed = new ArrayList<>((int) (end - first));
        for (long index = first; index < end; index++) {
            processed.add(stream.event(index));
        }
        Audit.verify(store, processor, processed);
    }
}
