package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.workload.Replay;
import dev.hotpath.cachekey.workload.RequestStream;
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
 * Requests served per second in steady state: one cache in front of one origin serves the seeded
 * stream round and round, product updates and purges included. Every page is checked
 * ({@link Replay}), so answering fast but wrong fails the benchmark instead of winning it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PageCacheBenchmark {

    private static final int REQUESTS_PER_OPERATION = 100;

    private Replay replay;

    @Setup
    public void startServing() {
        replay = new Replay(RequestStream.standard(), new Origin(), Replay.CAPACITY);
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS_PER_OPERATION)
    public long serveRequests() {
        return replay.serve(REQUESTS_PER_OPERATION);
    }
}
