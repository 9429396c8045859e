package {{package}};

import {{package}}.workload.Inputs;
import {{package}}.workload.Reference;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract, checked systematically (docs/authoring-exercises.md): every answer is compared with
 * the {@link Reference} model, on inputs from {@link Inputs#hostile}, the README's rules as a
 * generator. Fixed seeds, so a failure reproduces; a minimum count plus a time budget, so detection
 * is deterministic and the test stays short; a failing input is shrunk before it is reported.
 * TODO: the exercise's own edge cases, failure paths and (for shared state) schedules.
 */
class {{Class}}ContractTest {

    private static final long SEED = 20_240_229L;
    private static final int MINIMUM_CASES = 200;
    private static final long BUDGET_NANOS = 300_000_000L;

    @Test
    void matchesTheReferenceOnGeneratedInputs() {
        SplittableRandom random = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (int n = 0; n < MINIMUM_CASES || System.nanoTime() < deadline; n++) {
            check(Inputs.hostile(random));
        }
    }

    @Test
    void edgeCases() {
        for (int[] values : new int[][] {
                {}, {0}, {Integer.MAX_VALUE, Integer.MAX_VALUE}, {Integer.MIN_VALUE, Integer.MIN_VALUE},
                {Integer.MAX_VALUE, Integer.MIN_VALUE}, {-1, 1}}) {
            check(values);
        }
    }

    /** The measured configuration, so code tuned to it is tested where it is measured. */
    @Test
    void measuredInputs() {
        for (int[] values : Inputs.realistic(Inputs.measuredSeed(), 500)) {
            check(values);
        }
    }

    private static void check(int[] values) {
        if (!correct(values)) {
            int[] smallest = shrink(values);
            fail("wrong answer for " + Arrays.toString(smallest) + " (shrunk from " + values.length
                    + " values): expected " + Reference.apply(smallest) + " but got " + new {{Class}}().apply(smallest));
        }
    }

    private static boolean correct(int[] values) {
        try {
            return new {{Class}}().apply(values.clone()) == Reference.apply(values);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Removes ever smaller chunks, then simplifies values, while the input still goes wrong. */
    static int[] shrink(int[] failing) {
        int[] current = failing;
        for (int chunk = current.length / 2; chunk >= 1; chunk /= 2) {
            for (int from = 0; from + chunk <= current.length; ) {
                int[] smaller = new int[current.length - chunk];
                System.arraycopy(current, 0, smaller, 0, from);
                System.arraycopy(current, from + chunk, smaller, from, current.length - from - chunk);
                if (!correct(smaller)) {
                    current = smaller;
                } else {
                    from += chunk;
                }
            }
        }
        for (int i = 0; i < current.length; i++) {
            int[] simpler = current.clone();
            simpler[i] = 0;
            if (current[i] != 0 && !correct(simpler)) {
                current = simpler;
            }
        }
        return current;
    }
}
