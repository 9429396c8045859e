package dev.hotpath.orders.probe;

import dev.hotpath.orders.workload.OrderTraffic;
import dev.hotpath.orders.workload.Replay;

import java.util.function.LongSupplier;

/** A cost counter: store round trips while serving the standard 20,000 visits once. */
public final class RoundTripsProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        OrderTraffic traffic = OrderTraffic.standard();
        Replay replay = new Replay(traffic, 0);
        replay.serve(traffic.visits());
        return replay.roundTrips();
    }
}
