package dev.hotpath.grader.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotpath.grader.exercise.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one measurement JVM reported, checked for plausibility as it arrives. */
final class MeasurementRecorder implements ChannelHandler {

    private final Map<String, Metric> metrics = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, List<Double>> samples = new HashMap<>();
    private final int maxSamples;
    private String failure;
    private boolean done;

    /**
     * @param measured   the metrics this JVM was asked to measure
     * @param maxSamples how many samples a benchmark metric may report
     */
    MeasurementRecorder(List<Metric> measured, int maxSamples) {
        measured.forEach(metric -> metrics.put(metric.name(), metric));
        this.maxSamples = maxSamples;
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
            case "sample" -> {
                double value = event.path("value").asDouble(Double.NaN);
                List<Double> values = metric == null ? null : samples.computeIfAbsent(metric.name(), k -> new ArrayList<>());
                if (values == null || metric.kind() != Metric.Kind.BENCHMARK || !event.path("value").isNumber()
                        || !(value > 0) || Double.isInfinite(value) || values.size() >= maxSamples) {
                    throw new ChannelViolation("it reported an implausible benchmark sample: " + event);
                }
                values.add(value);
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
    }

    /** Why this JVM's measurement is unusable, or null if every metric reported in full. */
    synchronized String problem() {
        if (failure != null) {
            return failure;
        }
        if (!done) {
            return null;
        }
        for (Metric metric : metrics.values()) {
            boolean complete = metric.kind() == Metric.Kind.COUNTER
                    ? counters.containsKey(metric.name())
                    : samples.getOrDefault(metric.name(), List.of()).size() == maxSamples;
            if (!complete) {
                return "it did not report every measurement of " + metric.name();
            }
        }
        return null;
    }

    synchronized boolean completed() {
        return done;
    }

    synchronized Map<String, Long> counters() {
        return Map.copyOf(counters);
    }

    synchronized Map<String, List<Double>> samples() {
        return Map.copyOf(samples);
    }
}
