package dev.hotpath.cachekey;

import dev.hotpath.cachekey.workload.Replay;
import dev.hotpath.cachekey.workload.RequestStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the whole seeded request stream through a cold cache. Every operation replays the
 * stream through a fresh cache and origin and checks every page it gets back ({@link Replay}), so a
 * cache that is fast because it answers wrongly fails here instead of looking good.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PageCacheBenchmark {

    private RequestStream stream;

    @Setup
    public void generateStream() {
        stream = RequestStream.generate(RequestStream.SEED, 5_000, 600);
    }

    @Benchmark
    public long replayStream() {
        return Replay.run(stream).checksum();
    }
}
