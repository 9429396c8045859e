package dev.hotpath.productapi.probe;

import java.util.function.LongSupplier;

/**
 * Cost counter: requests answered per virtual second while the service serves the seeded open-loop
 * stream, from the first arrival to the last answer. A service that keeps up answers as fast as requests
 * arrive; one that does not falls behind and answers the last ones long after. Deterministic.
 */
public final class ThroughputProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        return StandardRun.get().requestsPerSecond();
    }
}
