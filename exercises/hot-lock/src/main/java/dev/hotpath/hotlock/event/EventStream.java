package dev.hotpath.hotlock.event;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible stream of account events. Event {@code i} is a pure function of the seed
 * and {@code i}, so the stream can be read as a list (tests, probes) or index by index without end
 * (the benchmark), and every reader sees the same events.
 *
 * <p>Account popularity follows a power law, as in real ledgers: a few accounts get a large share
 * of the events, so several workers often hold events of the same account at the same moment.
 */
public final class EventStream {

    /** The seed of the measured stream when the grader names none (a plain test run, for example). */
    public static final long SEED = 0x407_10CBL;
    /** The system property through which the grader passes the seed it picked for one grading. */
    public static final String SEED_PROPERTY = "hotpath.workload.seed";
    /** Accounts in the standard stream. */
    public static final int ACCOUNTS = 500;
    /** Popularity exponent of the standard stream: the busiest account gets about 8% of the events. */
    public static final double SKEW = 0.8;
    /** Largest amount of one event, in cents, either sign. */
    public static final long MAX_AMOUNT = 50_000;

    private final long seed;
    private final double[] cumulative;
    private final int[] accountOfRank;

    /**
     * @param seed     equal seeds give equal streams
     * @param accounts how many accounts the events spread over
     * @param skew     popularity exponent: 0 spreads events evenly, larger values favour a few accounts
     */
    public EventStream(long seed, int accounts, double skew) {
        if (accounts < 1 || skew < 0) {
            throw new IllegalArgumentException("need at least one account and a non-negative skew");
        }
        this.seed = seed;
        this.cumulative = new double[accounts];
        double total = 0;
        for (int rank = 0; rank < accounts; rank++) {
            total += 1.0 / Math.pow(rank + 1, skew);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < accounts; rank++) {
            cumulative[rank] /= total;
        }
        cumulative[accounts - 1] = 1.0;
        // The busiest accounts get unremarkable numbers, not 1, 2, 3.
        this.accountOfRank = new int[accounts];
        for (int rank = 0; rank < accounts; rank++) {
            accountOfRank[rank] = rank + 1;
        }
        SplittableRandom shuffle = new SplittableRandom(seed);
        for (int i = accounts - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int swap = accountOfRank[i];
            accountOfRank[i] = accountOfRank[j];
            accountOfRank[j] = swap;
        }
    }

    /**
     * The stream the exercise is measured with: generated from the seed of this grading, so that no
     * submission can know it in advance; the same for the starter and the submission.
     */
    public static EventStream standard() {
        return new EventStream(measuredSeed(), ACCOUNTS, SKEW);
    }

    /** The seed the grader picked for this grading ({@value #SEED_PROPERTY}), or {@link #SEED}. */
    public static long measuredSeed() {
        String seed = System.getProperty(SEED_PROPERTY);
        if (seed == null) {
            return SEED;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + SEED_PROPERTY + " must be a whole number, got \""
                    + seed + "\"", e);
        }
    }

    /** The event at {@code index} (0-based); its id is {@code index + 1}. */
    public Event event(long index) {
        long bits = mix(seed + (index + 1) * 0x9E3779B97F4A7C15L);
        double pick = (bits >>> 11) * 0x1.0p-53;
        long magnitude = 1 + Math.floorMod(mix(bits), MAX_AMOUNT);
        // Credits are a little more common than debits, so balances drift upwards like real ones.
        long amount = (mix(bits ^ 0x5DEECE66DL) & 0xFF) < 112 ? -magnitude : magnitude;
        return new Event(index + 1, accountOfRank[rank(pick)], amount);
    }

    /** The first {@code count} events. */
    public List<Event> first(int count) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(i));
        }
        return List.copyOf(events);
    }

    private int rank(double pick) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < pick) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** SplitMix64's finalizer: a good 64-bit hash, so nearby indexes give unrelated events. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
