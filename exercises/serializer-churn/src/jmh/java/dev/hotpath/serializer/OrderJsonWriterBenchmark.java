package dev.hotpath.serializer;

import dev.hotpath.serializer.workload.CheckedOrders;
import dev.hotpath.serializer.workload.Orders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Orders serialized per second on the miss path, one thread. The writer walks a pool of 2,048
 * realistic orders, generated from the seed of this grading, round and round; from the second pass
 * on every order carries a new order
 * number ({@link CheckedOrders#orderAt(long)}), so no order is ever serialized twice and remembering
 * earlier results cannot fake speed. Every output is checked byte for byte against the reference,
 * so a writer that is fast because it is wrong fails the benchmark instead of winning it. The check
 * and the order-number change cost the same on both sides of the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderJsonWriterBenchmark {

    static final int POOL_SIZE = 2_048;
    private static final int ORDERS_PER_OPERATION = 8;

    private CheckedOrders orders;
    private OrderJsonWriter writer;
    private long position;

    @Setup
    public void prepare() {
        orders = CheckedOrders.of(Orders.realistic(Orders.measuredSeed(), POOL_SIZE));
        writer = new OrderJsonWriter();
        // Fail fast, before anything is timed, if the writer gets any order of the pool wrong. This
        // first pass also lets the JIT compile the writer: the starter's regex and formatting code
        // needs far more warm-up than the measured iterations' short warm-up gives it.
        for (; position < POOL_SIZE; position++) {
            orders.verify(position, writer.serialize(orders.orderAt(position)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ORDERS_PER_OPERATION)
    public int serialize() {
        int bytes = 0;
        for (int i = 0; i < ORDERS_PER_OPERATION; i++) {
            long at = position++;
            ByteBuffer json = writer.serialize(orders.orderAt(at));
            orders.verify(at, json);
            bytes += json.remaining();
        }
        return bytes;
    }
}
