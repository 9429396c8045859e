package dev.hotpath.cachekey.probe;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.workload.Replay;
import dev.hotpath.cachekey.workload.RequestStream;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The exercise's cost counter: origin renders while serving the standard seeded stream once, from cold. */
public final class OriginCallsProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        RequestStream stream = RequestStream.standard();
        // Calls are what count here, not render time, so a cheap origin keeps the probe quick.
        Replay replay = new Replay(stream, new Origin(10, Duration.ZERO), Replay.CAPACITY);
        replay.serve(stream.requests());
        return replay.originCalls();
    }
}
