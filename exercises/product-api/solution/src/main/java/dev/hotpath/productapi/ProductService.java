package dev.hotpath.productapi;

import dev.hotpath.productapi.api.Json;
import dev.hotpath.productapi.api.Log;
import dev.hotpath.productapi.api.Request;
import dev.hotpath.productapi.api.Response;
import dev.hotpath.productapi.store.Connection;
import dev.hotpath.productapi.store.ConnectionPool;
import dev.hotpath.productapi.store.Product;
import dev.hotpath.productapi.store.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The product API: product reads, category pages and price updates for several tenants, served from
 * the {@link Store} through a pool of connections, with a cache of rendered products in front.
 *
 * <p>Contract (the tests hold you to it):
 * <ul>
 *   <li><b>Reads.</b> {@code GetProduct} answers 200 with {@link Json#product} of the tenant's product,
 *       or 404 with {@link Json#error} if the tenant has no such product.</li>
 *   <li><b>Fresh.</b> A read answers with the price the product had when the request arrived, or one it
 *       got while the request was in progress; never an older one. Once an update has answered, every
 *       read that arrives after it sees the new price (or a newer one).</li>
 *   <li><b>Tenants.</b> Product ids are unique per tenant only; a tenant never sees another's data.</li>
 *   <li><b>Category pages.</b> {@code ListCategory} answers 200 with {@link Json#category} of the first
 *       {@link Request.ListCategory#PAGE_SIZE} products of the category, in listing order (by name, then
 *       id), with their current prices.</li>
 *   <li><b>Updates.</b> {@code UpdatePrice} sets the price in the store and answers 200 with
 *       {@link Json#price}, or 404 if there is no such product.</li>
 *   <li><b>The store.</b> Every query is a round trip on a connection of the pool; rows can only be read
 *       while their connection is held; an {@code IN} list holds at most {@link Store#maxInList()} ids.
 *       Read the limits from the store you are given: the tests use stores with other limits.</li>
 * </ul>
 *
 * <p>{@link #handle} is called by many server threads. Use only the JDK ({@code java.util.concurrent} is
 * welcome), no reflection, no mutable static fields, and never hold a lock while you query the store.
 */
public class ProductService {

    /** Credentials never reach the log, even at debug level. */
    private static final Pattern SECRETS = Pattern.compile("(?i)(token|password|apikey)=[^&,)\\s]*");

    /** What a product's answer depends on: the tenant and the id, nothing else of the request. */
    private record Key(String tenant, long productId) {
    }

    private final Store store;
    private final ConnectionPool pool;
    private final Log log;
    private final Map<Key, Response> cache = new ConcurrentHashMap<>();
    /** Updates per product so far: a read caches its answer only if no update committed while it ran. */
    private final Map<Key, Long> updates = new ConcurrentHashMap<>();
    private long requestsServed; // guarded by this

    public ProductService(Store store) {
        this(store, Log.production());
    }

    public ProductService(Store store, Log log) {
        this.store = store;
        // More connections than the store runs at once would only make every query slower.
        this.pool = new ConnectionPool(store, store.concurrencyCap());
        this.log = log;
    }

    public Response handle(Request request) {
        countRequest();
        log.debug(() -> "handling " + SECRETS.matcher(request.toString()).replaceAll("$1=***"));
        if (request instanceof Request.GetProduct get) {
            return product(get);
        }
        if (request instanceof Request.ListCategory list) {
            return category(list);
        }
        return updatePrice((Request.UpdatePrice) request);
    }

    /** Requests served so far. */
    public synchronized long requestsServed() {
        return requestsServed;
    }

    private synchronized void countRequest() {
        requestsServed++;
    }

    private Response product(Request.GetProduct request) {
        Key key = new Key(request.tenant(), request.productId());
        Response cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long updatesBefore = updates.getOrDefault(key, 0L);
        Product product;
        try (Connection connection = pool.acquire()) {
            var rows = connection.product(request.tenant(), request.productId());
            product = rows.isEmpty() ? null : rows.get(0);
        }
        if (product == null) {
            return notFound(request.tenant(), request.productId());
        }
        Response response = new Response(200, Json.product(product));
        if (updates.getOrDefault(key, 0L) == updatesBefore) {
            cache.put(key, response);
        }
        return response;
    }

    private Response category(Request.ListCategory request) {
        List<Long> ids;
        Map<Long, Product> byId = new HashMap<>();
        try (Connection connection = pool.acquire()) {
            ids = connection.productIdsInCategory(request.tenant(), request.category(),
                    Request.ListCategory.PAGE_SIZE).toList();
            // One round trip per IN list instead of one per product.
            for (int from = 0; from < ids.size(); from += store.maxInList()) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + store.maxInList()));
                for (Product product : connection.products(request.tenant(), chunk)) {
                    byId.put(product.id(), product);
                }
            }
        }
        List<Product> products = new ArrayList<>(ids.size());
        for (long id : ids) {
            products.add(byId.get(id)); // the IN query answers in id order; the page keeps listing order
        }
        return new Response(200, Json.category(request.category(), products));
    }

    private Response updatePrice(Request.UpdatePrice request) {
        Key key = new Key(request.tenant(), request.productId());
        int changed;
        try (Connection connection = pool.acquire()) {
            changed = connection.updatePrice(request.tenant(), request.productId(), request.priceCents());
        }
        if (changed == 0) {
            return notFound(request.tenant(), request.productId());
        }
        // Whatever was cached is stale now, and a read that started before the write and ends after it
        // must not cache what it read.
        updates.merge(key, 1L, Long::sum);
        cache.remove(key);
        return new Response(200, Json.price(request.productId(), request.priceCents()));
    }

    private Response notFound(String tenant, long id) {
        return new Response(404, Json.error(String.format(Locale.ROOT, "%s has no product %d", tenant, id)));
    }
}
