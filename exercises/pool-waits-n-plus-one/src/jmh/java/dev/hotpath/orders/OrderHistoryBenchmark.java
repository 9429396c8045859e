package dev.hotpath.orders;

import dev.hotpath.orders.workload.OrderTraffic;
import dev.hotpath.orders.workload.Replay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Visits served per second of real time: every query costs the store's driver some CPU, every page
 * is checked against the store by the renderer ({@link Replay}), so wrong or outdated pages fail the
 * benchmark instead of winning it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderHistoryBenchmark {

    private static final int VISITS_PER_OPERATION = 20;
    private static final int WORK_PER_ROUND_TRIP = 40_000;

    private Replay replay;

    @Setup
    public void startServing() {
        replay = new Replay(OrderTraffic.standard(), WORK_PER_ROUND_TRIP);
    }

    @Benchmark
    @OperationsPerInvocation(VISITS_PER_OPERATION)
    public long serveVisits() {
        return replay.serve(VISITS_PER_OPERATION);
    }
}
