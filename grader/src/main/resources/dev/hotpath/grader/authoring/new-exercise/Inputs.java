package {{package}}.workload;

import java.util.SplittableRandom;

/**
 * Seeded inputs. {@link #realistic} is what the counter and the benchmark measure; {@link #hostile}
 * is the README's contract written down as a generator, biased towards every rule's edge cases,
 * for the hidden tests. TODO: generate the exercise's own inputs.
 */
public final class Inputs {

    /** The grader sets it to a fresh seed per grading, the same for the starter and the submission. */
    public static final String SEED_PROPERTY = "hotpath.workload.seed";
    static final long DEFAULT_SEED = {{seed}}L;

    private Inputs() {
    }

    /** The seed to measure with: the grading's, or a fixed default outside grading. */
    public static long measuredSeed() {
        String seed = System.getProperty(SEED_PROPERTY);
        if (seed == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SEED_PROPERTY + " must be a whole number, got \"" + seed + "\"", e);
        }
    }

    /** {@code count} inputs as the code meets them in production. */
    public static int[][] realistic(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] inputs = new int[count][];
        for (int i = 0; i < count; i++) {
            int[] values = new int[random.nextInt(50, 200)];
            for (int j = 0; j < values.length; j++) {
                values[j] = random.nextInt(-1_000, 1_000_000);
            }
            inputs[i] = values;
        }
        return inputs;
    }

    /** One input from the contract's grammar, biased towards its edge cases. */
    public static int[] hostile(SplittableRandom random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> random.nextInt(2, 8);
            default -> random.nextInt(8, 400);
        };
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = switch (random.nextInt(5)) {
                case 0 -> Integer.MAX_VALUE;
                case 1 -> Integer.MIN_VALUE;
                case 2 -> 0;
                default -> random.nextInt();
            };
        }
        return values;
    }
}
