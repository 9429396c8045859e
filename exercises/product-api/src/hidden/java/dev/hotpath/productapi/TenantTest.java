package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Json;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantTest {

    @Test
    void tenantsWithTheSameProductIdSeeTheirOwnProduct() {
        Product acme = new Product("acme", 7, "Steel Saw", "tools", 1_500);
        Product globex = new Product("globex", 7, "Classic Puzzle", "toys", 900);
        ProductService service = new ProductService(new Store(List.of(acme, globex)));

        for (int round = 0; round < 2; round++) {
            assertEquals(Json.render(acme), service.handle(new Request.GetProduct("a" + round, 0, "acme", 7)).body(),
                    "product 7 of acme (round " + round + ")");
            assertEquals(Json.render(globex), service.handle(new Request.GetProduct("g" + round, 0, "globex", 7)).body(),
                    "product 7 of globex (round " + round + "): one tenant's data must never reach another");
        }
    }
}
