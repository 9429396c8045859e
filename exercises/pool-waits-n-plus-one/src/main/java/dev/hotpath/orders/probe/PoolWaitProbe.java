package dev.hotpath.orders.probe;

import dev.hotpath.orders.workload.OrderTraffic;
import dev.hotpath.orders.workload.Replay;

import java.util.function.LongSupplier;

/**
 * A cost counter: the 99th percentile of the time a visit waits for a connection, in simulated
 * microseconds, while serving the standard 20,000 visits once. Simulated time makes it deterministic.
 */
public final class PoolWaitProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        OrderTraffic traffic = OrderTraffic.standard();
        Replay replay = new Replay(traffic, 0);
        replay.serve(traffic.visits());
        return replay.p99WaitMicros();
    }
}
