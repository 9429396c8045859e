package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Json;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.server.Server;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FreshnessTest {

    private static final Product LAMP = new Product("acme", 3, "Smart Lamp", "lighting", 4_000);
    private static final List<Product> CATALOG = List.of(LAMP, new Product("acme", 4, "Wireless Speaker", "audio", 7_000));

    @Test
    void aReadAfterAnUpdateSeesTheNewPrice() {
        ProductService service = new ProductService(new Store(CATALOG));
        service.handle(new Request.GetProduct("r1", 0, "acme", 3));
        service.handle(new Request.GetProduct("r2", 0, "acme", 3));
        service.handle(new Request.UpdatePrice("r3", 0, "acme", 3, 3_500));

        assertEquals(Json.render(new Product("acme", 3, "Smart Lamp", "lighting", 3_500)),
                service.handle(new Request.GetProduct("r4", 0, "acme", 3)).body(),
                "a read after the update answered: it must see the new price, not the one from before the update");
    }

    /**
     * A read starts while an update of the same product is in flight: it reads the old price (legal, the
     * update has not committed yet) and finishes after the update committed. A read long after both must
     * see the new price.
     */
    @Test
    void aReadOverlappingAnUpdateDoesNotCacheTheOldPrice() {
        Store store = new Store(CATALOG);
        List<Request> requests = List.of(
                new Request.UpdatePrice("update", 0, "acme", 3, 3_500),
                new Request.GetProduct("overlapping", 50, "acme", 3),
                new Request.GetProduct("later", 50_000, "acme", 3),
                new Request.GetProduct("much-later", 100_000, "acme", 3));
        Server.Run run = Server.run(store, new ProductService(store), requests);

        new Audit(store, CATALOG).verify(run.served());
        assertEquals(Json.render(new Product("acme", 3, "Smart Lamp", "lighting", 3_500)),
                run.served().get(3).response().body(), "a read 100 ms after the update answered");
    }

    @Test
    void readsInTheSeededStreamAreNeverStale() {
        dev.hotpath.productapi.workload.Workload workload = new dev.hotpath.productapi.workload.Workload(7);
        Store store = new Store(workload.catalog());
        Server.Run run = Server.run(store, new ProductService(store), workload.requests(1_500));

        new Audit(store, workload.catalog()).verify(run.served());
    }
}
