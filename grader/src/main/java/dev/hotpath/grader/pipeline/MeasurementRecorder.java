package dev.hotpath.grader.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;

import org.jspecify.annotations.Nullable;

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
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, List<Double>> samples = new HashMap<>();
    private final Map<String, List<Double>> perCpu = new HashMap<>();
    private final Map<String, Integer> slices = new HashMap<>();
    private final int maxSlices;
    private int reports;
    private @Nullable String failure;
    private boolean done;
    private boolean ended;

    /**
     * @param measured  the metrics this JVM was asked to measure
     * @param maxSlices how many slices (warm-up and measured) each benchmark metric may report
     */
    MeasurementRecorder(List<Metric> measured, int maxSlices) {
        measured.forEach(metric -> metrics.put(metric.name(), metric));
        this.maxSlices = maxSlices;
    }

    @Override
    public synchronized void onEvent(JsonNode event) throws ChannelViolation {
        if (done) {
            throw new ChannelViolation("it reported results after it had finished");
        }
        String type = event.path("event").asText();
        Metric metric = metrics.get(event.path("metric").asText());
        switch (type) {
            case "counter" -> {
                if (metric == null || metric.kind() != Metric.Kind.COUNTER || counters.containsKey(metric.name())
                        || !event.path("value").canConvertToLong() || event.path("value").asLong() < 0) {
                    throw new ChannelViolation("it reported an implausible counter value: " + event);
                }
                counters.put(metric.name(), event.path("value").asLong());
            }
            case "warmed", "sample" -> {
                if (metric == null || metric.kind() != Metric.Kind.BENCHMARK || !positive(event.path("value"))
                        || !positive(event.path("perCpu")) || slices.merge(metric.name(), 1, Integer::sum) > maxSlices) {
                    throw new ChannelViolation("it reported an implausible benchmark sample: " + event);
                }
                if (type.equals("sample")) {
                    samples.computeIfAbsent(metric.name(), k -> new ArrayList<>()).add(event.path("value").asDouble());
                    perCpu.computeIfAbsent(metric.name(), k -> new ArrayList<>()).add(event.path("perCpu").asDouble());
                }
            }
            case "failed" -> {
                if (failure == null) {
                    failure = (metric == null ? "" : metric.name() + ": ") + event.path("message").asText();
                }
            }
            case "crashed" -> failure = event.path("message").asText();
            case "done" -> done = true;
            default -> throw new ChannelViolation("it sent an unknown event: " + type);
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
        while (reports < count && failure == null && !ended) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return reports >= count && failure == null;
    }

    synchronized int reports() {
        return reports;
    }

    /** Why this JVM's measurement is unusable, if it reported a failure. */
    synchronized Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    synchronized Optional<Long> counter(String metric) {
        return Optional.ofNullable(counters.get(metric));
    }

    /** The measured (not warm-up) slices of a benchmark metric, in order, per wall-clock or per CPU-second. */
    synchronized List<Double> samples(String metric, Measurement.Clock clock) {
        return List.copyOf((clock == Measurement.Clock.CPU ? perCpu : samples).getOrDefault(metric, List.of()));
    }

    private static boolean positive(JsonNode value) {
        return value.isNumber() && value.asDouble() > 0 && Double.isFinite(value.asDouble());
    }
}
