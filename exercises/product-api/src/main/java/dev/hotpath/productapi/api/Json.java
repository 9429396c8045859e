package dev.hotpath.productapi.api;

import dev.hotpath.productapi.sim.Simulation;
import dev.hotpath.productapi.store.Product;

import java.util.List;

/**
 * The API's JSON. Rendering is computing: it is charged to the simulated CPU by the number of
 * products rendered ({@value #MICROS_PER_RESPONSE} µs per response plus {@value #MICROS_PER_PRODUCT} µs
 * per product).
 */
public final class Json {

    public static final long MICROS_PER_RESPONSE = 10;
    public static final long MICROS_PER_PRODUCT = 15;

    private Json() {
    }

    /** {@code {"id":7,"name":"…","category":"…","priceCents":1299}} */
    public static String product(Product product) {
        Simulation.compute(MICROS_PER_RESPONSE + MICROS_PER_PRODUCT);
        return render(product);
    }

    /** {@code {"category":"…","products":[…]}}, products in the order given. */
    public static String category(String category, List<Product> products) {
        Simulation.compute(MICROS_PER_RESPONSE + MICROS_PER_PRODUCT * products.size());
        StringBuilder json = new StringBuilder("{\"category\":").append(quote(category)).append(",\"products\":[");
        for (int i = 0; i < products.size(); i++) {
            json.append(i == 0 ? "" : ",").append(render(products.get(i)));
        }
        return json.append("]}").toString();
    }

    /** {@code {"id":7,"priceCents":1299}} */
    public static String price(long id, long priceCents) {
        Simulation.compute(MICROS_PER_RESPONSE);
        return "{\"id\":" + id + ",\"priceCents\":" + priceCents + "}";
    }

    /** {@code {"error":"…"}} */
    public static String error(String message) {
        return "{\"error\":" + quote(message) + "}";
    }

    /** The product's JSON without charging for it, for checks. */
    public static String render(Product product) {
        return "{\"id\":" + product.id() + ",\"name\":" + quote(product.name()) + ",\"category\":"
                + quote(product.category()) + ",\"priceCents\":" + product.priceCents() + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
