package dev.hotpath.productapi.sim;

/**
 * A level over virtual time (connections held, threads waiting, queries in flight) and its integral,
 * so a run can report averages: the U and S of the USE method.
 */
public final class Gauge {

    private long level;
    private long since;
    private long integral;

    /** Changes the level by {@code delta} at the current virtual time (0 outside a simulation). */
    public void add(long delta) {
        Simulation simulation = Simulation.current();
        long now = simulation == null ? since : simulation.now();
        integral += level * (now - since);
        since = now;
        level += delta;
    }

    public long level() {
        return level;
    }

    /** The average level from virtual time 0 to {@code end}. */
    public double average(long end) {
        return end <= 0 ? 0 : (double) (integral + level * Math.max(0, end - since)) / end;
    }
}
