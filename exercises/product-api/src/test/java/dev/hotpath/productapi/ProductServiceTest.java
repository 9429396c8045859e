package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Json;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.api.Response;
import dev.hotpath.productapi.server.Server;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import dev.hotpath.productapi.workload.Workload;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The basics. The grader also runs hidden tests that check the traps described in the README. */
@DisplayName("Product API basics")
class ProductServiceTest {

    private static final List<Product> CATALOG = List.of(
            new Product("acme", 1, "Quiet Kettle", "kitchen", 2_499),
            new Product("acme", 2, "Bamboo Skillet", "kitchen", 3_150),
            new Product("acme", 3, "Solar Lantern", "outdoor", 1_999),
            new Product("globex", 1, "Rugged Tent", "outdoor", 18_900));

    private final Store store = new Store(CATALOG);
    private final ProductService service = new ProductService(store);

    @Test
    @DisplayName("reads a product")
    void readsAProduct() {
        Response response = service.handle(new Request.GetProduct("r1", 0, "acme", 3));

        assertEquals(new Response(200, Json.render(CATALOG.get(2))), response);
    }

    @Test
    @DisplayName("answers 404 for a product the tenant does not have")
    void unknownProduct() {
        assertEquals(404, service.handle(new Request.GetProduct("r1", 0, "globex", 2)).status());
    }

    @Test
    @DisplayName("lists a category page in listing order, by name")
    void listsACategory() {
        Response response = service.handle(new Request.ListCategory("r1", 0, "acme", "kitchen"));

        assertEquals(new Response(200, "{\"category\":\"kitchen\",\"products\":[" + Json.render(CATALOG.get(1)) + ","
                + Json.render(CATALOG.get(0)) + "]}"), response);
    }

    @Test
    @DisplayName("a read after a price update sees the new price")
    void updatesAPrice() {
        service.handle(new Request.GetProduct("r1", 0, "acme", 1));
        Response update = service.handle(new Request.UpdatePrice("r2", 0, "acme", 1, 2_199));
        Response read = service.handle(new Request.GetProduct("r3", 0, "acme", 1));

        assertEquals(new Response(200, "{\"id\":1,\"priceCents\":2199}"), update);
        assertEquals(Json.render(new Product("acme", 1, "Quiet Kettle", "kitchen", 2_199)), read.body());
    }

    @Test
    @DisplayName("serves the first 500 requests of the seeded stream right, in simulated time")
    void servesTheSeededStream() {
        Workload workload = Workload.standard();
        Store standard = new Store(workload.catalog());
        Server.Run run = Server.run(standard, new ProductService(standard), workload.requests(500));

        new Audit(standard, workload.catalog()).verify(run.served());
        assertEquals(500, run.served().size());
    }
}
