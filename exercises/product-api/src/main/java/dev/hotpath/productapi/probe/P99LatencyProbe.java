package dev.hotpath.productapi.probe;

import java.util.function.LongSupplier;

/**
 * Cost counter: the 99th percentile of request latency, in virtual microseconds, while the service
 * serves the seeded open-loop stream (4,000 requests arriving at 4,000 per virtual second), from each
 * request's arrival to its answer. Deterministic: the same on every machine.
 */
public final class P99LatencyProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        return StandardRun.get().latencyPercentile(99);
    }
}
