package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.server.Server;
import dev.hotpath.productapi.sim.Permits;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import dev.hotpath.productapi.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

class ConnectionTest {

    @Test
    void rowsAreReadWhileTheirConnectionIsHeld() {
        List<Product> catalog = List.of(new Product("acme", 1, "Compact Drill", "tools", 5_000));
        Store store = new Store(catalog);
        ProductService service = new ProductService(store);
        try {
            for (Request request : List.of(new Request.GetProduct("r1", 0, "acme", 1),
                    new Request.GetProduct("r2", 0, "acme", 2), new Request.ListCategory("r3", 0, "acme", "tools"))) {
                service.handle(request);
            }
        } catch (IllegalStateException e) {
            fail("the service misused a connection: " + e.getMessage());
        }
    }

    @Test
    void everyConnectionGoesBackToThePool() {
        Workload workload = new Workload(11);
        Store store = new Store(workload.catalog());
        Server.Run run = Server.run(store, new ProductService(store), workload.requests(800));
        new Audit(store, workload.catalog()).verify(run.served());

        for (Permits pool : store.pools()) {
            assertEquals(0, pool.inUse().level(), "connections still taken after every request was answered");
        }
    }
}
