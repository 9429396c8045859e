package dev.hotpath.productapi.server;

import dev.hotpath.productapi.ProductService;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.sim.Trace;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import dev.hotpath.productapi.workload.Workload;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A profile of the service in virtual time: serves the seeded stream once (as the grader does) and
 * prints the latency percentiles and histogram, the throughput, the store round trips, and where the
 * requests' time went, by resource and by request type. Run it on your working copy:
 *
 * <pre>mvn -q compile -pl exercises/product-api
 * java -cp exercises/product-api/target/classes dev.hotpath.productapi.server.Profile</pre>
 */
public final class Profile {

    private static final long[] BUCKETS_MICROS = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000,
            500_000, 1_000_000, 2_000_000, 5_000_000};

    private Profile() {
    }

    public static void main(String[] args) {
        Workload workload = Workload.standard();
        Store store = new Store(workload.catalog());
        Server.Run run = Server.run(store, new ProductService(store), workload.requests());
        new Audit(store, workload.catalog()).verify(run.served());
        print(run, workload.seedValue(), System.out);
    }

    static void print(Server.Run run, long seed, PrintStream out) {
        out.printf(Locale.ROOT, "%,d requests, seed %d, arriving at %,d per second (virtual time)%n",
                run.served().size(), seed, Workload.REQUESTS_PER_SECOND);
        out.printf(Locale.ROOT, "latency   p50 %s   p90 %s   p99 %s   max %s%n", ms(run.latencyPercentile(50)),
                ms(run.latencyPercentile(90)), ms(run.latencyPercentile(99)), ms(run.latencyPercentile(100)));
        out.printf(Locale.ROOT, "throughput %,d requests/s; store round trips %,d per 1,000 requests; at most %d"
                + " queries in the store at once%n%n", run.requestsPerSecond(), run.roundTripsPerThousand(),
                run.maxStoreInFlight());

        out.println("latency histogram");
        long below = 0;
        for (long bucket : BUCKETS_MICROS) {
            long count = run.served().stream().filter(s -> s.latencyMicros() < bucket).count() - below;
            below += count;
            out.printf(Locale.ROOT, "  < %9s  %6d  %s%n", ms(bucket), count, bar(count, run.served().size()));
        }
        out.printf(Locale.ROOT, "  ≥ %9s  %6d  %s%n%n", ms(BUCKETS_MICROS[BUCKETS_MICROS.length - 1]),
                run.served().size() - below, bar(run.served().size() - below, run.served().size()));

        out.println("USE checklist                                  units   in use   utilization   waiting (avg)");
        for (Server.Use use : run.uses()) {
            out.printf(Locale.ROOT, "  %-44s %5d %8.1f %12.0f %% %15.1f%n", use.resource(), use.capacity(),
                    use.averageInUse(), 100 * use.utilization(), use.averageWaiting());
        }
        out.println();

        List<Server.Served> slowest = run.served().stream()
                .sorted(Comparator.comparingLong(Server.Served::latencyMicros).reversed())
                .limit(Math.max(1, run.served().size() / 100)).toList();
        out.println("where the time went            all requests   slowest 1 %");
        row(out, "waiting for a server thread", run.served(), slowest, t -> t.serverQueueMicros);
        row(out, "waiting for a pool connection", run.served(), slowest, t -> t.poolWaitMicros);
        row(out, "store round trips", run.served(), slowest, t -> t.storeMicros);
        row(out, "waiting for a core", run.served(), slowest, t -> t.cpuWaitMicros);
        row(out, "computing", run.served(), slowest, t -> t.cpuMicros);
        out.println();

        out.println("by request type        requests   p99 latency   round trips each   pool wait each");
        type(out, "product read", run, Request.GetProduct.class);
        type(out, "category page", run, Request.ListCategory.class);
        type(out, "price update", run, Request.UpdatePrice.class);
    }

    private static void row(PrintStream out, String what, List<Server.Served> all, List<Server.Served> slowest,
                            ToLongFunction<Trace> part) {
        out.printf(Locale.ROOT, "  %-30s %9.1f %%   %9.1f %%%n", what, share(all, part), share(slowest, part));
    }

    private static double share(List<Server.Served> served, ToLongFunction<Trace> part) {
        long total = served.stream().mapToLong(Server.Served::latencyMicros).sum();
        long spent = served.stream().mapToLong(s -> part.applyAsLong(s.trace())).sum();
        return total == 0 ? 0 : 100.0 * spent / total;
    }

    private static void type(PrintStream out, String name, Server.Run run, Class<? extends Request> type) {
        List<Server.Served> ofType = run.served().stream().filter(s -> type.isInstance(s.request())).toList();
        if (ofType.isEmpty()) {
            return;
        }
        Server.Run part = new Server.Run(ofType, 0, 0, List.of());
        out.printf(Locale.ROOT, "  %-20s %8d   %11s   %16.1f   %14s%n", name, ofType.size(),
                ms(part.latencyPercentile(99)),
                ofType.stream().mapToLong(s -> s.trace().roundTrips).average().orElse(0),
                ms((long) ofType.stream().mapToLong(s -> s.trace().poolWaitMicros).average().orElse(0)));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%,.1f ms", micros / 1000.0);
    }

    private static String bar(long count, long total) {
        return "#".repeat((int) Math.round(50.0 * count / Math.max(1, total)));
    }
}
