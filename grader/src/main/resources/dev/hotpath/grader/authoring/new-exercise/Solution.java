package {{package}};

/**
 * TODO: the reference solution: the starter with the lesson's fix, clearing every threshold with a
 * wide margin. Placeholder until then: sums the values without boxing them.
 */
public class {{Class}} {

    /** TODO: the operation of the README's contract. Placeholder: the sum of {@code values}. */
    public long apply(int[] values) {
        long sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }
}
