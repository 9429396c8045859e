package {{package}}.workload;

/**
 * The reference model: right by construction, the answer every result is checked against. Tests,
 * the counter and the benchmark compare with it; they never restate the rules a second way.
 * TODO: the exercise's own reference.
 */
public final class Reference {

    private Reference() {
    }

    public static long apply(int[] values) {
        long sum = 0;
        for (int value : values) {
            sum = Math.addExact(sum, value);
        }
        return sum;
    }

    /** Throws, naming the property, when {@code actual} is not the reference's answer for {@code values}. */
    public static void check(int[] values, long actual) {
        long expected = apply(values);
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " for " + values.length + " values but got "
                    + actual);
        }
    }
}
