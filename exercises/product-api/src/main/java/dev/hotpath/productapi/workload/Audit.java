package dev.hotpath.productapi.workload;

import dev.hotpath.productapi.api.Json;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.api.Response;
import dev.hotpath.productapi.server.Server;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks every answer of a run against the store's history. A read may answer with the price the
 * product had when the request arrived or any price it got while the request was in progress, never
 * an older one and never another tenant's product. Category pages list the first
 * {@link Request.ListCategory#PAGE_SIZE} products of the category by name (then id).
 */
public final class Audit {

    private final Store store;
    private final List<Product> catalog;
    private final Map<String, List<Product>> pages = new HashMap<>();

    public Audit(Store store, List<Product> catalog) {
        this.store = store;
        this.catalog = List.copyOf(catalog);
        catalog.stream().sorted(Comparator.comparing(Product::name).thenComparingLong(Product::id))
                .forEach(p -> pages.computeIfAbsent(p.tenant() + "/" + p.category(), c -> new ArrayList<>()).add(p));
        pages.replaceAll((c, page) -> List.copyOf(page.subList(0, Math.min(page.size(), Request.ListCategory.PAGE_SIZE))));
    }

    /** Throws {@link AssertionError} naming the first wrong answer. */
    public void verify(List<Server.Served> served) {
        for (Server.Served s : served) {
            String problem = problem(s.request(), s.response(), s.doneMicros());
            if (problem != null) {
                throw new AssertionError(String.format(Locale.ROOT, "request %s (%s) arriving at %,d µs: %s",
                        s.request().requestId(), describe(s.request()), s.request().arrivalMicros(), problem));
            }
        }
    }

    /** What is wrong with {@code response}, or null if it is a right answer. */
    public String problem(Request request, Response response, long doneMicros) {
        if (request instanceof Request.GetProduct get) {
            Product product = store.peek(get.tenant(), get.productId());
            if (product == null) {
                return response.status() == 404 ? null : "answered " + response + " for a product that does not exist";
            }
            if (response.status() != 200) {
                return "answered status " + response.status() + " for an existing product";
            }
            List<String> allowed = allowedRenders(product, request.arrivalMicros(), doneMicros);
            return allowed.contains(response.body()) ? null : wrongProduct(get.tenant(), get.productId(),
                    response.body(), allowed);
        }
        if (request instanceof Request.ListCategory list) {
            if (response.status() != 200) {
                return "answered status " + response.status() + " for a category page";
            }
            String body = response.body();
            String prefix = "{\"category\":\"" + list.category() + "\",\"products\":[";
            if (!body.startsWith(prefix)) {
                return "the page does not start with " + prefix + ": " + abbreviate(body);
            }
            int at = prefix.length();
            List<Product> page = page(list.tenant(), list.category());
            for (int i = 0; i < page.size(); i++) {
                String separator = i == 0 ? "" : ",";
                String match = null;
                for (String render : allowedRenders(store.peek(list.tenant(), page.get(i).id()),
                        request.arrivalMicros(), doneMicros)) {
                    if (body.startsWith(separator + render, at)) {
                        match = separator + render;
                    }
                }
                if (match == null) {
                    return String.format(Locale.ROOT, "entry %d of the page should be product %d of %s as it was"
                                    + " while the request was served, in listing order (by name, then id): %s",
                            i + 1, page.get(i).id(), list.tenant(), abbreviate(body));
                }
                at += match.length();
            }
            return body.substring(at).equals("]}") ? null : "the page holds more than its "
                    + page.size() + " products: " + abbreviate(body);
        }
        Request.UpdatePrice update = (Request.UpdatePrice) request;
        if (store.peek(update.tenant(), update.productId()) == null) {
            return response.status() == 404 ? null : "answered " + response + " for a product that does not exist";
        }
        String expected = "{\"id\":" + update.productId() + ",\"priceCents\":" + update.priceCents() + "}";
        return response.status() == 200 && response.body().equals(expected) ? null
                : "answered " + response + ", expected status 200 and " + expected;
    }

    /** The products of a category page, as the contract defines it. */
    public List<Product> page(String tenant, String category) {
        return pages.getOrDefault(tenant + "/" + category, List.of());
    }

    private List<String> allowedRenders(Product now, long arrival, long done) {
        List<String> allowed = new ArrayList<>();
        for (Store.Version version : store.history(now.tenant(), now.id())) {
            Product then = new Product(now.tenant(), now.id(), now.name(), now.category(), version.priceCents());
            if (version.fromMicros() <= arrival) {
                allowed.clear(); // a newer version was already there at arrival
            } else if (version.fromMicros() > done) {
                break;
            }
            allowed.add(Json.render(then));
        }
        return allowed;
    }

    private String wrongProduct(String tenant, long id, String body, List<String> allowed) {
        Product own = store.peek(tenant, id);
        for (Product other : catalog) {
            if (other.id() == id && !body.contains(quoteName(own)) && !other.tenant().equals(tenant) && body.contains(quoteName(other))) {
                return "answered product " + id + " of tenant " + other.tenant() + ", not of " + tenant
                        + ": one tenant's data served to another";
            }
        }
        for (Store.Version version : store.history(tenant, id)) {
            if (body.contains("\"priceCents\":" + version.priceCents() + "}") && !allowed.isEmpty()) {
                return "answered price " + version.priceCents() + ", which was no longer the price when the request"
                        + " arrived (a stale read); expected " + String.join(" or ", allowed);
            }
        }
        return "answered " + abbreviate(body) + ", expected " + String.join(" or ", allowed);
    }

    private static String quoteName(Product product) {
        return "\"name\":\"" + product.name() + "\"";
    }

    private static String describe(Request request) {
        if (request instanceof Request.GetProduct get) {
            return "GET product " + get.productId() + " of " + get.tenant();
        }
        if (request instanceof Request.ListCategory list) {
            return "GET category " + list.category() + " of " + list.tenant();
        }
        Request.UpdatePrice update = (Request.UpdatePrice) request;
        return "PUT price " + update.priceCents() + " of product " + update.productId() + " of " + update.tenant();
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
