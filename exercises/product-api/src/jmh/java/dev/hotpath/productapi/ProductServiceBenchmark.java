package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.server.Server;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import dev.hotpath.productapi.workload.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Requests served per second of real time by the whole simulated system: the first {@value #REQUESTS}
 * requests of the seeded stream, with a fresh store and service per operation (made before the timed
 * part) and every answer checked after it. Here the store does its work for real as well
 * ({@value #STORE_NANOS_PER_ROUND_TRIP} ns of computing per round trip), so the timing follows the work
 * the service sends to the store. It is a timing, so its threshold is loose: the virtual-time counters
 * are what measure the latency and throughput users see.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProductServiceBenchmark {

    static final int REQUESTS = 100;
    static final long STORE_NANOS_PER_ROUND_TRIP = 100_000;

    private final Workload workload = Workload.standard();
    private final List<Product> catalog = workload.catalog();
    private final List<Request> requests = workload.requests(REQUESTS);
    private Store store;
    private ProductService service;
    private Server.Run run;

    @Setup(Level.Invocation)
    public void freshService() {
        store = new Store(catalog);
        store.spendRealTimePerRoundTrip(STORE_NANOS_PER_ROUND_TRIP);
        service = new ProductService(store);
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public Server.Run serveRequests() {
        run = Server.run(store, service, requests);
        return run;
    }

    @TearDown(Level.Invocation)
    public void checkAnswers() {
        new Audit(store, catalog).verify(run.served());
    }
}
