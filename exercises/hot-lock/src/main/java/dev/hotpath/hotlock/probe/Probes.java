package dev.hotpath.hotlock.probe;

import dev.hotpath.hotlock.store.Store;
import dev.hotpath.hotlock.workload.Workers;

import java.util.Locale;

final class Probes {

    private Probes() {
    }

    static void checkUnwritten(Workers.Run run, Store store) {
        if (run.maxUnwritten() > store.maxUnwritten()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "unwritten limit: process() had returned for %,d updates that"
                    + " were not in the store yet; at most %,d may be unwritten at any moment", run.maxUnwritten(),
                    store.maxUnwritten()));
        }
    }
}
