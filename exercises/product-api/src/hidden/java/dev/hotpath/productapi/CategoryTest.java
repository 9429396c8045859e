package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Json;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.api.Response;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;
import dev.hotpath.productapi.workload.Audit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

class CategoryTest {

    /** 30 tools whose names sort in the opposite order of their ids. */
    private static List<Product> tools() {
        List<Product> products = new ArrayList<>();
        for (int id = 1; id <= 30; id++) {
            products.add(new Product("acme", id, String.format("Drill %02d", 31 - id), "tools", 1_000 + id));
        }
        products.add(new Product("acme", 99, "Camera", "cameras", 50_000));
        return products;
    }

    @Test
    void inListsStayWithinTheStoresLimit() {
        List<Product> catalog = tools();
        Store store = new Store(catalog, Store.CONCURRENCY_CAP, 5);
        Response response;
        try {
            response = new ProductService(store).handle(new Request.ListCategory("r1", 0, "acme", "tools"));
        } catch (IllegalArgumentException e) {
            fail("a store whose IN lists hold at most 5 ids rejected a query: " + e.getMessage());
            return;
        }
        assertNull(new Audit(store, catalog).problem(new Request.ListCategory("r1", 0, "acme", "tools"), response, 0),
                "the page of a store with IN lists of at most 5 ids");
    }

    @Test
    void pagesKeepListingOrder() {
        List<Product> catalog = tools();
        Store store = new Store(catalog);
        Response response = new ProductService(store).handle(new Request.ListCategory("r1", 0, "acme", "tools"));

        StringBuilder expected = new StringBuilder("{\"category\":\"tools\",\"products\":[");
        for (int i = 0; i < Request.ListCategory.PAGE_SIZE; i++) {
            expected.append(i == 0 ? "" : ",").append(Json.render(catalog.get(29 - i)));
        }
        assertEquals(expected.append("]}").toString(), response.body(),
                "the page must list the first 24 products by name (Drill 01 … Drill 24), whatever their ids");
    }
}
