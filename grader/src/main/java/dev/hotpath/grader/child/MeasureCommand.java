package dev.hotpath.grader.child;

/**
 * What the parent tells a measurement JVM to do next, one per line on its standard input. The parent
 * runs two measurement JVMs (starter and submission) and lets only one of them work at a time, so
 * each slice of one is measured right next to a slice of the other, under the same machine conditions.
 */
public enum MeasureCommand {
    /** Run the next counter. */
    COUNT,
    /** Run the counter just run once more: a timed counter is measured in pairs, like a benchmark. */
    COUNT_AGAIN,
    /** Run the next benchmark slice (a warm-up or a measured JMH iteration) and report it. */
    SLICE,
    /** Stop the current benchmark: enough slices have been measured. */
    STOP,
    /**
     * After the benchmarks: run every counter's diagnostic and report what each says. Sent only to the
     * submission, only when a counter with a diagnostic fell short, so it costs nothing otherwise and
     * never runs before a measured slice.
     */
    DIAGNOSE
}
