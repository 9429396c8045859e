package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.workload.Replay;
import dev.hotpath.cachekey.workload.RequestStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated requests against the origin's rules ({@link Model}): thousands of URLs from the README's
 * grammar with their edge cases, with product changes between them, through caches of every size.
 * Seeds are fixed, so a failure is reproducible; the time budget is fixed, so the test is bounded.
 */
@DisplayName("Generated URLs: every request gets the page the origin's rules give it")
class ModelTest {

    private static final long SEED = 0xC0FFEE_5EEDL;
    /**
     * Sequences checked whatever the time, so every run checks at least these (the traps fail within
     * the first 30); more while the budget, counted from the start, lasts: on a busy machine, none.
     */
    private static final int MIN_SEQUENCES = 40;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long SHRINK_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
    private static final int[] CAPACITIES = {1, 2, 3, 8, 64, Replay.CAPACITY};

    @Test
    @DisplayName("generated request sequences agree with the origin's rules")
    void generatedSequencesAgreeWithTheOrigin() {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (long n = 0; n < MIN_SEQUENCES || System.nanoTime() < deadline; n++) {
            SplittableRandom random = new SplittableRandom(SEED + n);
            int capacity = CAPACITIES[random.nextInt(CAPACITIES.length)];
            List<Model.Step> steps = sequence(random);
            Optional<String> problem = Model.check(steps, capacity);
            if (problem.isPresent()) {
                List<Model.Step> smallest = Model.shrink(steps, candidate -> Model.check(candidate, capacity).isPresent(),
                        Model::simpler, System.nanoTime() + SHRINK_NANOS);
                fail("smallest sequence that goes wrong (" + smallest.size() + " of " + steps.size()
                        + " generated steps, cache capacity " + capacity + ", sequence " + n + "):\n  "
                        + smallest.stream().map(Object::toString).collect(Collectors.joining("\n  "))
                        + "\n" + Model.check(smallest, capacity).orElse(problem.get()));
            }
        }
    }

    @Test
    @DisplayName("the measured configuration: the seeded stream of this grading, capacity 1,000, and a catalogue five times larger")
    void measuredConfiguration() {
        // The measured stream's generator, seed, catalogue and capacity; fewer requests, to keep the test quick.
        RequestStream measured = RequestStream.generate(RequestStream.measuredSeed(), 3_000, 400);
        serveAll(measured, measured.requests(), "the measured stream's first requests (seed " + RequestStream.measuredSeed() + ")");
        RequestStream wide = RequestStream.generate(RequestStream.measuredSeed() ^ SEED, 1_500, 2_000);
        serveAll(wide, wide.requests(), "a stream over 2,000 products");
    }

    private static void serveAll(RequestStream stream, int requests, String which) {
        Replay replay = new Replay(stream, new Origin(0, Duration.ZERO), Replay.CAPACITY);
        try {
            replay.serve(requests);
        } catch (IllegalStateException e) {
            fail("serving " + requests + " requests of " + which + ", from cold, with capacity " + Replay.CAPACITY
                    + ": " + e.getMessage());
        }
    }

    /** A few products, many URLs for each, a product change now and then. */
    static List<Model.Step> sequence(SplittableRandom random) {
        List<String> skus = UrlGrammar.skus(random, 2 + random.nextInt(5));
        int length = 20 + random.nextInt(180);
        List<Model.Step> steps = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(12) == 0) {
                steps.add(new Model.Change(skus.get(random.nextInt(skus.size()))));
            } else {
                steps.add(new Model.Get(UrlGrammar.url(random, skus)));
            }
        }
        return steps;
    }
}
