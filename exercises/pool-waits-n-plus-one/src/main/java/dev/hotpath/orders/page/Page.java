package dev.hotpath.orders.page;

/** A rendered order-history page: only the {@link Renderer} makes them. */
public final class Page {

    private final long customerId;
    private final int orders;
    private final int lines;
    private final long checksum;

    Page(long customerId, int orders, int lines, long checksum) {
        this.customerId = customerId;
        this.orders = orders;
        this.lines = lines;
        this.checksum = checksum;
    }

    public long customerId() {
        return customerId;
    }

    public int orders() {
        return orders;
    }

    public int lines() {
        return lines;
    }

    public long checksum() {
        return checksum;
    }
}
