package dev.hotpath.grader.exercise;

/**
 * Resource limits for one grading run of an exercise.
 *
 * @param testSeconds  wall time one test may take before the run is stopped
 * @param runSeconds   wall time the whole test run may take
 * @param heapMegabytes heap of every child JVM (minimum = maximum)
 */
public record Limits(int testSeconds, int runSeconds, int heapMegabytes) {

    public static final Limits DEFAULT = new Limits(10, 60, 256);
}
