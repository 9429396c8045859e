package dev.hotpath.grader.pipeline;

/**
 * A test the parent expects the test JVM to report, found by running JUnit discovery on the
 * exercise's own classes (never on the submission).
 *
 * @param template true for a parameterized test or test factory, whose invocations appear at run time
 */
record ExpectedTest(String id, String className, String method, String name, boolean hidden, boolean template) {
}
