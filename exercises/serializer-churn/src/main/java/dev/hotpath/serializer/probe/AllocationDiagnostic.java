package dev.hotpath.serializer.probe;

import dev.hotpath.serializer.OrderJsonWriter;
import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Says why {@link AllocatedBytesProbe} counted what it counted: sets the bytes allocated per order
 * against the bytes of JSON each order becomes, the least a writer that returns a new buffer must allocate.
 */
public final class AllocationDiagnostic implements Supplier<String> {

    @Override
    public String get() {
        long allocated = new AllocatedBytesProbe().getAsLong();
        CheckedOrders orders = CheckedOrders.of(Orders.realistic(Orders.measuredSeed() ^ AllocatedBytesProbe.MEASURED_SEED,
                AllocatedBytesProbe.MEASURED_ORDERS));
        OrderJsonWriter writer = new OrderJsonWriter();
        long written = 0;
        for (int i = 0; i < orders.size(); i++) {
            written += writer.serialize(orders.order(i)).remaining();
        }
        double perOrder = (double) written / orders.size();
        return String.format(Locale.ROOT, "your writer allocated %,d bytes per order to write %,.0f bytes of JSON:"
                + " %.1f bytes allocated per byte written", allocated, perOrder, allocated / perOrder);
    }
}
