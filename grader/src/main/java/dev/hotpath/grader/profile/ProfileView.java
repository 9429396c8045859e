package dev.hotpath.grader.profile;

/** The three flame graphs a profile has: where the CPU goes, what allocates, and where threads wait. */
public enum ProfileView {
    CPU("cpu", "CPU", "samples", "where your threads run Java code (execution samples every 10 ms)"),
    ALLOCATION("allocation", "Allocation", "bytes", "what allocates memory (sampled allocations, weighted by size)"),
    WAITING("waiting", "Waiting", "µs", "where threads wait: blocked on a monitor, parked or sleeping (1 ms and longer)");

    private final String id;
    private final String label;
    private final String unit;
    private final String description;

    ProfileView(String id, String label, String unit, String description) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.description = description;
    }

    /** Lower-case name used in JSON, URLs and element ids. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** What a stack's weight counts. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }
}
