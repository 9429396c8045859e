package dev.hotpath.productapi.sim;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A counted resource with a first-come-first-served queue in virtual time: the connections of a pool,
 * the cores of the CPU. Outside a simulation nobody can wait, so asking for a permit when none is
 * left fails instead (a leak shows up at once in a plain unit test).
 */
public final class Permits {

    private final String what;
    private final Queue<Simulation.Fiber> waiting = new ArrayDeque<>();
    private int free;
    private final Gauge inUse = new Gauge();
    private final Gauge waiters = new Gauge();

    public Permits(String what, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException(what + ": at least 1 permit, got " + permits);
        }
        this.what = what;
        this.free = permits;
    }

    /** Takes a permit, waiting in virtual time if none is free; returns the virtual time waited. */
    public long acquire() {
        if (free > 0) {
            free--;
            inUse.add(1);
            return 0;
        }
        Simulation simulation = Simulation.current();
        if (simulation == null) {
            throw new IllegalStateException("no " + what + " is free: every one was taken and not given back");
        }
        long start = simulation.now();
        Simulation.Fiber fiber = Simulation.currentFiber();
        waiting.add(fiber);
        waiters.add(1);
        fiber.park(); // release() hands this fiber its permit
        return simulation.now() - start;
    }

    /** Gives a permit back, straight to the longest waiter if there is one. */
    public void release() {
        Simulation.Fiber next = waiting.poll();
        if (next != null) {
            waiters.add(-1);
            Simulation.current().wake(next);
        } else {
            free++;
            inUse.add(-1);
        }
    }

    /** Permits taken, over time. */
    public Gauge inUse() {
        return inUse;
    }

    /** Fibers waiting for a permit, over time. */
    public Gauge waiters() {
        return waiters;
    }

    /** How many permits are free right now. */
    public int free() {
        return free;
    }
}
