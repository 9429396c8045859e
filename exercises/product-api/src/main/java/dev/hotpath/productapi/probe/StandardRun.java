package dev.hotpath.productapi.probe;

import dev.hotpath.productapi.ProductService;
import dev.hotpath.productapi.server.Server;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import dev.hotpath.productapi.workload.Workload;

/**
 * The standard run every counter reads: the seeded workload served once by the service, every answer
 * checked. The counters run one after another in one JVM, so the run is made once and shared: it is
 * deterministic, so running it again would give the same numbers.
 */
final class StandardRun {

    private static Server.Run run;

    private StandardRun() {
    }

    static synchronized Server.Run get() {
        if (run == null) {
            Workload workload = Workload.standard();
            Store store = new Store(workload.catalog());
            Server.Run result = Server.run(store, new ProductService(store), workload.requests());
            new Audit(store, workload.catalog()).verify(result.served());
            run = result;
        }
        return run;
    }
}
