package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.workload.Replay;
import dev.hotpath.cdn.workload.TrafficStream;
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
 * Requests served per second: the CDN serves the seeded stream, updates and purges included, and
 * starts again from cold at its end. Every response is checked ({@link Replay}), so answering fast
 * but wrong fails the benchmark instead of winning it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CdnBenchmark {

    private static final int REQUESTS_PER_OPERATION = 100;

    private Replay replay;

    @Setup
    public void startServing() {
        replay = new Replay(TrafficStream.standard(), round -> new Origin());
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS_PER_OPERATION)
    public long serveRequests() {
        return replay.serve(REQUESTS_PER_OPERATION);
    }
}
