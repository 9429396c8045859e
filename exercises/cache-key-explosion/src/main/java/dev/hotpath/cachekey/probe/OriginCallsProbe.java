package dev.hotpath.cachekey.probe;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.workload.Replay;
import dev.hotpath.cachekey.workload.RequestStream;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The exercise's cost counter: origin renders while replaying the standard seeded stream. */
public final class OriginCallsProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        // Calls are what count here, not render time, so a cheap origin keeps the probe quick.
        Origin origin = new Origin(10, Duration.ZERO);
        return Replay.run(RequestStream.standard(), origin, Replay.CAPACITY).originCalls();
    }
}
