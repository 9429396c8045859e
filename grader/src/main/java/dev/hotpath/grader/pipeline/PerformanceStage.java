package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.MeasureMain;
import dev.hotpath.grader.exercise.ExerciseManifest;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;
import dev.hotpath.grader.report.StageResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Stage 3: measure the submission against the starter in the same run. Measurement JVMs alternate
 * starter, submission, starter, submission… so both sides see the same machine conditions; each
 * reads the exercise's counters (first fork only: they are deterministic) and runs its benchmarks.
 * The verdict compares the ratio of medians with each metric's threshold.
 */
final class PerformanceStage {

    static final String NAME = "performance";

    /** An ERROR stage means the starter could not be measured: the exercise's fault, not the learner's. */
    record Result(StageResult stage, List<MetricResult> metrics) {

        boolean passed() {
            return stage.status() == StageResult.Status.PASSED;
        }
    }

    private enum Side {
        STARTER("starter"), SUBMISSION("your code");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    private PerformanceStage() {
    }

    static Result run(PreparedExercise exercise, Path submissionClasses, Path workDir, ChildJvm children,
                      Consumer<String> progress) throws GradingException {
        long start = System.nanoTime();
        ExerciseManifest manifest = exercise.exercise().manifest();
        Measurement settings = manifest.measurement();
        Map<Side, Map<String, List<Double>>> values = Map.of(Side.STARTER, new HashMap<>(), Side.SUBMISSION, new HashMap<>());

        for (int fork = 1; fork <= settings.forks(); fork++) {
            for (Side side : Side.values()) {
                progress.accept(side.label + ", fork " + fork + " of " + settings.forks());
                boolean firstFork = fork == 1;
                List<Metric> measured = manifest.metrics().stream()
                        .filter(metric -> metric.kind() == Metric.Kind.BENCHMARK || firstFork).toList();
                Path implementation = side == Side.STARTER ? exercise.starterClasses() : submissionClasses;
                String problem = measure(exercise, implementation, measured, workDir, children, values.get(side));
                if (problem != null) {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (side == Side.STARTER) {
                        return new Result(new StageResult(NAME, StageResult.Status.ERROR, millis,
                                "the starter could not be measured: " + problem), List.of());
                    }
                    return new Result(new StageResult(NAME, StageResult.Status.FAILED, millis,
                            "measuring your code failed: " + problem), List.of());
                }
            }
        }

        List<MetricResult> results = new ArrayList<>();
        for (Metric metric : manifest.metrics()) {
            List<Double> starter = values.get(Side.STARTER).get(metric.name());
            List<Double> submission = values.get(Side.SUBMISSION).get(metric.name());
            double starterMedian = median(starter);
            double submissionMedian = median(submission);
            double ratio = submissionMedian / starterMedian;
            results.add(new MetricResult(metric.name(), metric.description(), metric.unit(),
                    metric.direction().yamlName(), starterMedian, submissionMedian, ratio, ratio, ratio, 1, metric.threshold(),
                    metric.passes(ratio) ? MetricResult.Outcome.CLEARED : MetricResult.Outcome.MISSED, starter, submission));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<MetricResult> failed = results.stream().filter(result -> !result.passed()).toList();
        if (results.stream().anyMatch(result -> !(result.starter() > 0))) {
            return new Result(new StageResult(NAME, StageResult.Status.ERROR, millis,
                    "the starter measured zero on " + results.stream().filter(r -> !(r.starter() > 0))
                            .map(MetricResult::metric).collect(Collectors.joining(", "))
                            + ", so no ratio can be formed"), results);
        }
        String message = failed.isEmpty()
                ? "every metric cleared its threshold"
                : failed.stream().map(PerformanceStage::shortfall).collect(Collectors.joining("; "));
        return new Result(new StageResult(NAME, failed.isEmpty() ? StageResult.Status.PASSED : StageResult.Status.FAILED,
                millis, message), results);
    }

    /** Runs one measurement JVM and adds its values; returns why it failed, or null. */
    private static String measure(PreparedExercise exercise, Path implementation, List<Metric> metrics, Path workDir,
                                  ChildJvm children, Map<String, List<Double>> values) throws GradingException {
        Measurement settings = exercise.exercise().manifest().measurement();
        List<String> args = new ArrayList<>(List.of(
                "warmup=" + settings.warmupIterations(),
                "iterations=" + settings.iterations(),
                "iteration-ms=" + settings.iterationMillis()));
        for (Metric metric : metrics) {
            args.add((metric.kind() == Metric.Kind.COUNTER ? "counter:" : "benchmark:") + metric.name() + "=" + metric.target());
        }
        PreparedExercise.FixedClasses fixed = exercise.classes();
        ChildJvm.Spec spec = new ChildJvm.Spec(List.of(fixed.support(), fixed.benchmarks(), implementation),
                JvmOptions.forMeasurement(), exercise.exercise().manifest().limits().heapMegabytes(),
                MeasureMain.class.getName(), args, workDir);
        long benchmarks = metrics.stream().filter(metric -> metric.kind() == Metric.Kind.BENCHMARK).count();
        Duration limit = Duration.ofMillis(30_000 + 3L * benchmarks
                * (settings.warmupIterations() + settings.iterations()) * settings.iterationMillis());
        MeasurementRecorder recorder = new MeasurementRecorder(metrics, settings.iterations());
        ChildJvm.Outcome outcome;
        try {
            outcome = children.run(spec, recorder, limit);
        } catch (IOException e) {
            throw new GradingException("could not start a measurement JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        }
        if (outcome.stopped()) {
            return "the measurement was stopped because " + outcome.stopReason();
        }
        String problem = recorder.problem();
        if (problem != null) {
            return problem;
        }
        if (!recorder.completed()) {
            return "the measurement JVM exited (exit code " + outcome.exitCode() + ") before it finished"
                    + TestStage.outOfMemory(outcome.output())
                    + (outcome.output().isBlank() ? "" : "; it printed: " + tail(outcome.output()));
        }
        recorder.counters().forEach((metric, value) ->
                values.computeIfAbsent(metric, k -> new ArrayList<>()).add(value.doubleValue()));
        recorder.samples().forEach((metric, samples) ->
                values.computeIfAbsent(metric, k -> new ArrayList<>()).addAll(samples));
        return null;
    }

    private static String shortfall(MetricResult result) {
        return result.metric() + ": " + Numbers.significant(result.ratio()) + "× the starter, needed "
                + (result.direction().equals("lower") ? "at most " : "at least ") + Numbers.significant(result.threshold()) + "×";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() <= 500 ? trimmed : "…" + trimmed.substring(trimmed.length() - 500);
    }
}
