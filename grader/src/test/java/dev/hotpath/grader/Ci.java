package dev.hotpath.grader;

/** Whether the tests run in CI, where everything optional on a learner's machine is mandatory. */
final class Ci {

    private Ci() {
    }

    static boolean running() {
        return "true".equals(System.getenv("CI"));
    }
}
