package dev.hotpath.productapi.server;

import dev.hotpath.productapi.ProductService;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.api.Response;
import dev.hotpath.productapi.sim.Gauge;
import dev.hotpath.productapi.sim.Permits;
import dev.hotpath.productapi.sim.Simulation;
import dev.hotpath.productapi.sim.Trace;
import dev.hotpath.productapi.store.Store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;

/**
 * The HTTP server in front of the service, simulated: {@value #THREADS} server threads take arrived
 * requests first come, first served and call {@link ProductService#handle}. A request's latency runs
 * from its arrival (not from when a thread picked it up, so time spent queueing for a thread counts,
 * as it does for the user) to the moment {@code handle} returned.
 */
public final class Server {

    public static final int THREADS = 16;
    /** Computing every request costs before the service sees it: parsing, routing, writing the answer. */
    public static final long REQUEST_MICROS = 20;

    /** One answered request, with where its time went. */
    public record Served(Request request, Response response, long doneMicros, Trace trace) {

        public long latencyMicros() {
            return doneMicros - request.arrivalMicros();
        }
    }

    /**
     * How busy one resource was over the run, USE-method style: the average number of its units in use
     * (utilization is that over {@code capacity}) and the average number of requests waiting for one
     * (saturation).
     */
    public record Use(String resource, int capacity, double averageInUse, double averageWaiting) {

        public double utilization() {
            return capacity == 0 ? 0 : averageInUse / capacity;
        }
    }

    /** Everything a run produced. */
    public record Run(List<Served> served, long roundTrips, int maxStoreInFlight, List<Use> uses) {

        /** The latency that {@code percent} % of requests stay within, in virtual µs. */
        public long latencyPercentile(double percent) {
            long[] latencies = served.stream().mapToLong(Served::latencyMicros).sorted().toArray();
            int rank = (int) Math.ceil(percent / 100 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length, rank) - 1)];
        }

        /** Requests answered per virtual second, from the first arrival to the last answer. */
        public long requestsPerSecond() {
            long first = served.stream().mapToLong(s -> s.request().arrivalMicros()).min().orElse(0);
            long last = served.stream().mapToLong(Served::doneMicros).max().orElse(first);
            return served.size() * 1_000_000L / Math.max(1, last - first);
        }

        /** Store round trips per 1,000 requests. */
        public long roundTripsPerThousand() {
            return roundTrips * 1_000 / Math.max(1, served.size());
        }
    }

    private Server() {
    }

    /** Serves {@code requests} (in arrival order) with the standard {@value #THREADS} threads. */
    public static Run run(Store store, ProductService service, List<Request> requests) {
        return run(store, service, requests, THREADS);
    }

    public static Run run(Store store, ProductService service, List<Request> requests, int threads) {
        Simulation simulation = new Simulation();
        Queue<Integer> arrived = new ArrayDeque<>();
        // Idle threads as a stack: the thread that just went idle takes the next request, which keeps
        // hand-overs between real threads (the only real cost of a run) down.
        Deque<Simulation.Fiber> idle = new ArrayDeque<>();
        boolean[] allArrived = {false};
        Served[] served = new Served[requests.size()];
        Gauge busyThreads = new Gauge();
        Gauge queued = new Gauge();
        int[] started = {0};
        Runnable serve = () -> {
            Simulation.Fiber self = Simulation.currentFiber();
            while (true) {
                Integer index = arrived.poll();
                if (index == null) {
                    if (allArrived[0]) {
                        return;
                    }
                    idle.push(self);
                    self.park();
                    continue;
                }
                queued.add(-1);
                busyThreads.add(1);
                Request request = requests.get(index);
                Trace trace = new Trace();
                trace.serverQueueMicros = simulation.now() - request.arrivalMicros();
                self.trace(trace);
                Simulation.compute(REQUEST_MICROS);
                Response response = service.handle(request);
                if (response == null) {
                    throw new IllegalStateException("handle() returned null for " + request);
                }
                served[index] = new Served(request, response, simulation.now(), trace);
                busyThreads.add(-1);
            }
        };
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            simulation.schedule(requests.get(i).arrivalMicros(), () -> {
                arrived.add(index);
                queued.add(1);
                Simulation.Fiber fiber = idle.poll();
                if (fiber != null) {
                    simulation.wake(fiber);
                } else if (started[0] < threads) { // threads start on demand: the same run, fewer real threads
                    simulation.start("server-" + started[0]++, serve);
                }
            });
        }
        long lastArrival = requests.stream().mapToLong(Request::arrivalMicros).max().orElse(0);
        simulation.schedule(lastArrival, () -> { // after the last arrival's event: sequence order
            allArrived[0] = true;
            idle.forEach(simulation::wake);
            idle.clear();
        });
        simulation.run();
        List<Served> all = new ArrayList<>(Arrays.asList(served));
        if (all.contains(null)) {
            throw new IllegalStateException("the run ended with requests that were never answered");
        }
        long end = simulation.now();
        List<Use> uses = new ArrayList<>();
        uses.add(new Use("server threads", threads, busyThreads.average(end), queued.average(end)));
        for (Permits pool : store.pools()) {
            uses.add(new Use("pool connections", (int) pool.inUse().level() + pool.free(), pool.inUse().average(end),
                    pool.waiters().average(end)));
        }
        uses.add(new Use("store (full speed up to " + store.concurrencyCap() + " queries)", store.concurrencyCap(),
                store.inFlight().average(end), 0));
        Permits cores = simulation.cores();
        uses.add(new Use("cores", Simulation.CORES, cores.inUse().average(end), cores.waiters().average(end)));
        return new Run(List.copyOf(all), store.roundTrips(), store.maxInFlight(), List.copyOf(uses));
    }
}
