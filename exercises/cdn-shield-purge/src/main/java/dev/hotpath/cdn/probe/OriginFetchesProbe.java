package dev.hotpath.cdn.probe;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.workload.Replay;
import dev.hotpath.cdn.workload.TrafficStream;

import java.util.function.LongSupplier;

/** The exercise's cost counter: origin fetches while the CDN serves the standard 100,000-request stream once, from cold. */
public final class OriginFetchesProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        TrafficStream stream = TrafficStream.standard();
        // Fetches are what count here, not rendering time, so a cheap origin keeps the probe quick.
        Replay replay = new Replay(stream, round -> new Origin(10));
        replay.serve(stream.requests());
        return replay.originFetches();
    }
}
