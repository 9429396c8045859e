package dev.hotpath.grader.report;

/**
 * One expected test and what became of it.
 *
 * @param id        the JUnit unique id
 * @param className fully qualified test class
 * @param method    test method name
 * @param name      readable name: the class and method display names
 * @param hidden    whether the test is hidden from learners (its source is not shown)
 * @param message   why it did not pass; empty when it passed
 * @param millis    wall time from start to finish, as seen by the grader; 0 when it never ran
 */
public record TestResult(String id, String className, String method, String name, boolean hidden,
                         Status status, String message, long millis) {

    public enum Status {
        PASSED, FAILED, TIMED_OUT, NOT_RUN, SKIPPED;

        public boolean counted() {
            return this != SKIPPED;
        }

        /** Whether the test ran and did not pass (or never got to run): what a learner must fix. */
        public boolean failed() {
            return this != PASSED && this != SKIPPED;
        }
    }
}
