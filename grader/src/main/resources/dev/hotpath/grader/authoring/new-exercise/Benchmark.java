package {{package}};

import {{package}}.workload.Inputs;
import {{package}}.workload.Reference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Calls per second on a pool of realistic inputs from the grading's seed, every answer checked
 * (the check costs the same on both sides of the ratio). TODO: the exercise's own operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class {{Class}}Benchmark {

    static final int POOL_SIZE = 1_024;
    private static final int CALLS_PER_OPERATION = 16;

    private int[][] inputs;
    private long[] expected;
    private {{Class}} subject;
    private int position;

    @Setup
    public void prepare() {
        inputs = Inputs.realistic(Inputs.measuredSeed(), POOL_SIZE);
        expected = new long[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            expected[i] = Reference.apply(inputs[i]);
        }
        subject = new {{Class}}();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS_PER_OPERATION)
    public long apply() {
        long total = 0;
        for (int i = 0; i < CALLS_PER_OPERATION; i++) {
            int at = position;
            position = (position + 1) % POOL_SIZE;
            long answer = subject.apply(inputs[at]);
            if (answer != expected[at]) {
                Reference.check(inputs[at], answer);
            }
            total += answer;
        }
        return total;
    }
}
