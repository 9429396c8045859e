package {{package}}.probe;

import {{package}}.{{Class}};
import {{package}}.workload.Inputs;
import {{package}}.workload.Reference;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The exercise's cost counter: bytes this thread allocates per {@link {{Class}}#apply} call on a
 * batch of realistic inputs from the grading's seed, after a warm-up, lowest of a few passes (the
 * JIT's steady state). Every answer is checked, so code that is cheap because it is wrong fails the
 * counter instead of winning it. TODO: count the exercise's own cost (calls, round trips, chars copied).
 */
public final class CostProbe implements LongSupplier {

    static final int WARMUP_PASSES = 20;
    static final int MEASURED_PASSES = 4;
    static final int INPUTS = 500;

    @Override
    public long getAsLong() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        {{Class}} subject = new {{Class}}();
        int[][] inputs = Inputs.realistic(Inputs.measuredSeed(), INPUTS);
        for (int pass = 0; pass < WARMUP_PASSES; pass++) {
            run(subject, inputs);
        }
        long thread = Thread.currentThread().getId();
        long lowest = Long.MAX_VALUE;
        for (int pass = 0; pass < MEASURED_PASSES; pass++) {
            long start = threads.getThreadAllocatedBytes(thread);
            run(subject, inputs);
            lowest = Math.min(lowest, threads.getThreadAllocatedBytes(thread) - start);
        }
        return Math.round((double) lowest / INPUTS);
    }

    private static void run({{Class}} subject, int[][] inputs) {
        for (int[] input : inputs) {
            Reference.check(input, subject.apply(input));
        }
    }
}
