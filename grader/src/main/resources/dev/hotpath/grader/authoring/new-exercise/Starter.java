package {{package}};

import java.util.ArrayList;
import java.util.List;

/**
 * TODO: the code the learner makes faster: correct, and slow in exactly the way the lesson teaches.
 * Placeholder until then: sums the values, boxing every one into a list first.
 */
public class {{Class}} {

    /** TODO: the operation of the README's contract. Placeholder: the sum of {@code values}. */
    public long apply(int[] values) {
        List<Integer> boxed = new ArrayList<>();
        for (int value : values) {
            boxed.add(value);
        }
        long sum = 0;
        for (Integer value : boxed) {
            sum += value;
        }
        return sum;
    }
}
