package {{package}};

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The basics. The grader also runs hidden tests that check the whole contract of the README. */
@DisplayName("{{title}} basics")
class {{Class}}Test {

    private final {{Class}} subject = new {{Class}}();

    // TODO: the README's examples, one test each.
    @Test
    @DisplayName("the README's example")
    void readmeExample() {
        assertEquals(6, subject.apply(new int[] {1, 2, 3}));
    }

    @Test
    @DisplayName("no values")
    void empty() {
        assertEquals(0, subject.apply(new int[0]));
    }
}
