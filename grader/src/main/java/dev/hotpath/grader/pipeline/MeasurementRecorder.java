package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one measurement JVM reported, checked for plausibility as it arrives. The parent waits on it
 * for each command's answer ({@link #awaitReports}), so it also knows when the JVM ended or failed.
 */
final class MeasurementRecorder implements ChannelHandler {

    private final Map<String, Metric> metrics = new HashMap<>();
    private final Map<String, List<Long>> counters = new HashMap<>();
    private final Map<String, List<Double>> samples = new HashMap<>();
    private final Map<String, List<Double>> perCpu = new HashMap<>();
    private final Map<String, Integer> slices = new HashMap<>();
    private final Map<String, String> diagnostics = new HashMap<>();
    private final int maxSlices;
    private int reports;
    private Optional<String> failure = Optional.empty();
    private boolean done;
    private boolean ended;

    /**
     * @param measured  the metrics this JVM was asked to measure
     * @param maxSlices how many slices (warm-up and measured) each benchmark metric may report, and how many
     *                  values a timed counter may
     */
    MeasurementRecorder(List<Metric> measured, int maxSlices) {
        measured.forEach(metric -> metrics.put(metric.name(), metric));
        this.maxSlices = maxSlices;
    }

    @Override
    public synchronized void onEvent(ChildEvent event) throws ChannelViolation {
        if (done) {
            throw new ChannelViolation("it reported results after it had finished");
        }
        if (event instanceof ChildEvent.Counted counted) {
            Metric metric = metrics.get(counted.metric());
            // A deterministic counter runs once; a timed one once per pair the parent asks for.
            if (metric == null || !metric.kind().counts() || counted.value() < 0
                    || (metric.kind() == Metric.Kind.COUNTER && counters.containsKey(metric.name()))
                    || counters.getOrDefault(metric.name(), List.of()).size() >= maxSlices) {
                throw new ChannelViolation("it reported an implausible counter value: " + counted);
            }
            counters.computeIfAbsent(metric.name(), k -> new ArrayList<>()).add(counted.value());
        } else if (event instanceof ChildEvent.Diagnosed diagnosed) {
            Metric metric = metrics.get(diagnosed.metric());
            if (metric == null || metric.diagnostic().isEmpty() || !counters.containsKey(metric.name())
                    || diagnostics.containsKey(metric.name())) {
                throw new ChannelViolation("it sent a diagnostic nobody asked for: " + diagnosed.metric());
            }
            diagnostics.put(metric.name(), diagnosed.text());
        } else if (event instanceof ChildEvent.Sliced slice) {
            Metric metric = metrics.get(slice.metric());
            if (metric == null || metric.kind() != Metric.Kind.BENCHMARK || !positive(slice.value())
                    || !positive(slice.perCpu()) || slices.merge(metric.name(), 1, Integer::sum) > maxSlices) {
                throw new ChannelViolation("it reported an implausible benchmark sample: " + slice);
            }
            if (!slice.warmup()) {
                samples.computeIfAbsent(metric.name(), k -> new ArrayList<>()).add(slice.value());
                perCpu.computeIfAbsent(metric.name(), k -> new ArrayList<>()).add(slice.perCpu());
            }
        } else if (event instanceof ChildEvent.MetricFailed failed) {
            if (failure.isEmpty()) {
                Metric metric = metrics.get(failed.metric());
                failure = Optional.of((metric == null ? "" : metric.name() + ": ") + failed.message());
            }
        } else if (event instanceof ChildEvent.Crashed crashed) {
            failure = Optional.of(crashed.message());
        } else if (event instanceof ChildEvent.Done) {
            done = true;
        } else {
            throw new ChannelViolation("it sent an event a measurement does not send: " + event.getClass().getSimpleName());
        }
        reports++;
        notifyAll();
    }

    /** The JVM's channel is closed: nothing more will arrive. */
    synchronized void ended() {
        ended = true;
        notifyAll();
    }

    /**
     * Waits until the JVM has sent {@code count} reports in all, failed, ended, or the deadline passed.
     *
     * @return true when the reports arrived; false otherwise
     */
    synchronized boolean awaitReports(int count, long deadlineNanos) throws InterruptedException {
        while (reports < count && failure.isEmpty() && !ended) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return reports >= count && failure.isEmpty();
    }

    synchronized int reports() {
        return reports;
    }

    /** Why this JVM's measurement is unusable, if it reported a failure. */
    synchronized Optional<String> failure() {
        return failure;
    }

    /** What a counter reported, in order: one value, or for a timed counter one per pair. */
    synchronized List<Long> counts(String metric) {
        return List.copyOf(counters.getOrDefault(metric, List.of()));
    }

    /** What the metric's diagnostic said, if it has one, was asked and said something. */
    synchronized Optional<String> diagnostic(String metric) {
        return Optional.ofNullable(diagnostics.get(metric)).filter(text -> !text.isBlank());
    }

    /** The measured (not warm-up) slices of a benchmark metric, in order, per wall-clock or per CPU-second. */
    synchronized List<Double> samples(String metric, Measurement.Clock clock) {
        return List.copyOf((clock == Measurement.Clock.CPU ? perCpu : samples).getOrDefault(metric, List.of()));
    }

    private static boolean positive(double value) {
        return value > 0 && Double.isFinite(value);
    }
}
