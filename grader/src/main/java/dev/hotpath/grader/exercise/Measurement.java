package dev.hotpath.grader.exercise;

/**
 * How benchmarks are run: {@code forks} JVMs per side, alternating starter and submission, each with
 * warm-up and measured iterations of {@code iterationMillis}.
 */
public record Measurement(int forks, int warmupIterations, int iterations, int iterationMillis) {

    /** Chosen by measurement on a 2-core machine; see docs/authoring-exercises.md. */
    public static final Measurement DEFAULT = new Measurement(2, 3, 5, 300);
}
