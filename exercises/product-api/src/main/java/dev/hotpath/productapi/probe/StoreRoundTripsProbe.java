package dev.hotpath.productapi.probe;

import java.util.function.LongSupplier;

/** Cost counter: store round trips per 1,000 requests of the seeded stream. Deterministic. */
public final class StoreRoundTripsProbe implements LongSupplier {

    @Override
    public long getAsLong() {
        return StandardRun.get().roundTripsPerThousand();
    }
}
