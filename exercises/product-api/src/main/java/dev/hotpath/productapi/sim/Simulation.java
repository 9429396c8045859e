package dev.hotpath.productapi.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic discrete-event simulation in virtual time (microseconds).
 *
 * <p>The service under test is ordinary blocking Java code, so each simulated server thread is a real
 * thread (a {@link Fiber}), but only one thread runs at any moment: the one holding the turn. It runs
 * until it has to let virtual time pass ({@link #sleep}) or wait for a resource ({@link Permits}); then
 * it fires the next events in (time, sequence) order itself and hands the turn straight to the fiber
 * whose wake-up comes next. Nothing depends on the wall clock or the OS scheduler, so every run of the
 * same workload gives the same numbers, bit for bit, on every machine.
 *
 * <p>Code that blocks outside the simulation (a {@code synchronized} block held while another fiber
 * wants it, a real sleep) would stall the whole run; the driver notices after {@value #STALL_SECONDS}
 * seconds without progress and fails with a message that says so.
 */
public final class Simulation {

    static final long STALL_SECONDS = 5;
    /** Cores of the simulated machine the service runs on. */
    public static final int CORES = 2;

    /** Either resumes {@code fiber} or runs {@code action} (on whichever thread holds the turn). */
    private record Event(long time, long sequence, Fiber fiber, Runnable action) {
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::time).thenComparingLong(Event::sequence));
    private final Semaphore driverTurn = new Semaphore(0);
    private final List<Fiber> fibers = new ArrayList<>();
    private final Permits cores = new Permits("core", CORES);
    private long now;
    private long sequence;
    private volatile long fired;
    private volatile Throwable failure;

    /** The simulation the calling fiber belongs to, or null outside a simulation (plain unit tests). */
    public static Simulation current() {
        return Thread.currentThread() instanceof Fiber fiber ? fiber.simulation : null;
    }

    /** The calling fiber; fails outside a simulation. */
    public static Fiber currentFiber() {
        if (Thread.currentThread() instanceof Fiber fiber) {
            return fiber;
        }
        throw new IllegalStateException("not inside a simulation");
    }

    /**
     * Charges {@code micros} of computing to the calling fiber: it takes a core (waiting if both are
     * busy) and holds it that long. Outside a simulation, costs nothing.
     */
    public static void compute(long micros) {
        Simulation simulation = current();
        if (simulation == null || micros <= 0) {
            return;
        }
        Trace trace = currentFiber().trace();
        trace.cpuWaitMicros += simulation.cores.acquire();
        simulation.sleep(micros);
        trace.cpuMicros += micros;
        simulation.cores.release();
    }

    /** The cores of the simulated machine, for reports. */
    public Permits cores() {
        return cores;
    }

    /** Virtual time now, in microseconds since the start. */
    public long now() {
        return now;
    }

    /** Runs {@code action} on the driver at virtual time {@code at} (not before now). */
    public void schedule(long at, Runnable action) {
        events.add(new Event(Math.max(at, now), sequence++, null, action));
    }

    /** Starts a fiber (a simulated thread) that runs {@code body} from now on. */
    public Fiber start(String name, Runnable body) {
        Fiber fiber = new Fiber(this, name, body);
        fibers.add(fiber);
        fiber.start();
        wake(fiber);
        return fiber;
    }

    /** Called by a fiber: lets {@code micros} of virtual time pass. */
    public void sleep(long micros) {
        Fiber fiber = currentFiber();
        events.add(new Event(now + Math.max(0, micros), sequence++, fiber, null));
        fiber.park();
    }

    /** Makes a suspended fiber runnable at the current virtual time. */
    public void wake(Fiber fiber) {
        events.add(new Event(now, sequence++, fiber, null));
    }

    /** Fires events until none is left; rethrows what a fiber threw. */
    public void run() {
        try {
            dispatch(null);
            long seen = -1;
            long stalledSince = System.nanoTime();
            while (!driverTurn.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (fired != seen) {
                    seen = fired;
                    stalledSince = System.nanoTime();
                } else if (System.nanoTime() - stalledSince > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                    failure = new IllegalStateException("the service blocked outside simulated time for "
                            + STALL_SECONDS + " s (a lock or wait held while another simulated thread needs it?)");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while the service was running", e);
        } finally {
            for (Fiber fiber : fibers) {
                fiber.interrupt(); // a fiber still waiting (a leaked wait) must not outlive the run
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * Called by the thread holding the turn: fires events until one resumes {@code self} (then returns),
     * or hands the turn to the fiber an event resumes (then waits for it to come back to {@code self}),
     * or gives the turn back to the driver when the run is over. {@code self} is null for the driver
     * and for a fiber that finished.
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // only the thread holding the turn writes; volatile is for run()'s reads
    private void dispatch(Fiber self) {
        while (true) {
            Event event = failure == null ? events.poll() : null;
            if (event == null) {
                driverTurn.release();
                break;
            }
            now = event.time();
            fired++;
            if (event.fiber() == null) {
                try {
                    event.action().run();
                } catch (Throwable t) {
                    failure = t;
                }
            } else if (event.fiber() == self) {
                return;
            } else if (!event.fiber().finished) {
                event.fiber().turn.release();
                break;
            }
        }
        if (self != null) {
            self.awaitTurn();
        }
    }

    /** A simulated thread: runs only when the driver hands it the turn. */
    public static final class Fiber extends Thread {

        private final Simulation simulation;
        private final Runnable body;
        private final Semaphore turn = new Semaphore(0);
        private volatile boolean finished;
        /** What the request this fiber is serving spends its time on; set by the server. */
        private Trace trace = new Trace();

        private Fiber(Simulation simulation, String name, Runnable body) {
            super(name);
            this.simulation = simulation;
            this.body = body;
            setDaemon(true);
        }

        public Trace trace() {
            return trace;
        }

        public void trace(Trace trace) {
            this.trace = trace;
        }

        /** Lets the other fibers run until someone wakes this one. */
        public void park() {
            simulation.dispatch(this);
        }

        private void awaitTurn() {
            try {
                turn.acquire();
            } catch (InterruptedException e) {
                throw new Abandoned();
            }
        }

        @Override
        public void run() {
            try {
                turn.acquire();
                body.run();
            } catch (Abandoned | InterruptedException e) {
                return; // the run is over; leave quietly
            } catch (Throwable t) {
                simulation.failure = t;
            }
            finished = true;
            simulation.dispatch(null);
        }
    }

    /** Thrown inside a fiber that is still waiting when the run ends. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
