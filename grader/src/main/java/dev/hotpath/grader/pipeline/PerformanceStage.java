package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.MeasureCommand;
import dev.hotpath.grader.child.MeasureMain;
import dev.hotpath.grader.child.MeasurePlan;
import dev.hotpath.grader.exercise.ExerciseManifest;
import dev.hotpath.grader.exercise.Measurement;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.report.MeasurementConditions;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Stage 4: measure the submission against the starter in the same run. Two measurement JVMs, one per
 * side, stay alive together and take turns: one slice of the starter, one of the submission, then the
 * other way round (A B B A …), so load that comes and goes hits both sides of each pair alike and
 * cancels in the pair's ratio. Counters are deterministic and decide on their own; a benchmark's ratio,
 * and a timed counter's, is the median pair ratio with a confidence interval, and decides only when the
 * whole interval clears or misses the threshold. When it straddles, another round of pairs is measured; when the rounds are
 * used up, the metric stays undecided and the verdict says so. docs/measurement.md has the method.
 */
final class PerformanceStage {

    /** Family-wise confidence of the reported intervals, split evenly over the rounds (Bonferroni). */
    static final double CONFIDENCE = 0.95;

    /** An ERROR stage means the starter could not be measured: the exercise's fault, not the learner's. */
    record Result(StageResult stage, List<MetricResult> metrics, Optional<MeasurementConditions> conditions) {

        boolean passed() {
            return stage.status() == StageResult.Status.PASSED;
        }
    }

    /** One side of the comparison: its JVM, what it reported, and how it ended. */
    private record Side(String label, ChildJvm.Launched jvm, MeasurementRecorder recorder,
                        CompletableFuture<ChildJvm.Outcome> outcome) {

        /** Runs one command and waits for its report; empty when it worked, else what went wrong. */
        Optional<String> step(MeasureCommand command, long deadlineNanos) throws InterruptedException {
            return step(command, 1, deadlineNanos);
        }

        /** Runs one command and waits for its {@code replies} reports. */
        Optional<String> step(MeasureCommand command, int replies, long deadlineNanos) throws InterruptedException {
            int expected = recorder.reports() + replies;
            jvm.tell(command);
            if (recorder.awaitReports(expected, deadlineNanos)) {
                return Optional.empty();
            }
            return Optional.of(problem());
        }

        String problem() throws InterruptedException {
            Optional<String> failure = recorder.failure();
            if (failure.isPresent()) {
                return failure.get();
            }
            if (!outcome.isDone()) {
                return "a slice took longer than " + SLICE_LIMIT.toSeconds() + " s";
            }
            ChildJvm.Outcome ended = PerformanceStage.ended(this);
            return ended.stopped() ? "the measurement was stopped because " + ended.stopReason()
                    : "the measurement JVM exited (exit code " + ended.exitCode() + ") before it finished"
                    + TestStage.outOfMemory(ended.output())
                    + (ended.output().isBlank() ? "" : "; it printed: " + tail(ended.output()));
        }
    }

    /** What a timed counter's run adds to a measurement JVM's time limit: ample for an honest one. */
    private static final Duration TIMED_RUN_ALLOWANCE = Duration.ofSeconds(3);

    /** Longest a single counter run or slice may take, set-up included; far above any honest one. */
    private static final Duration SLICE_LIMIT = Duration.ofSeconds(60);

    private PerformanceStage() {
    }

    static Result run(PreparedExercise exercise, Path submissionClasses, Path workDir, ChildJvm children, long seed,
                      long waitedMillis, Consumer<String> progress) throws GradingException {
        long start = System.nanoTime();
        ExerciseManifest manifest = exercise.exercise().manifest();
        Measurement settings = manifest.measurement();
        List<Metric> counters = manifest.metrics().stream().filter(m -> m.kind().counts()).toList();
        List<Metric> benchmarks = manifest.metrics().stream().filter(m -> m.kind() == Metric.Kind.BENCHMARK).toList();
        MeasurePlan plan = new MeasurePlan(settings.warmupSlices(), settings.maxSlices(), settings.sliceMillis(),
                counters.stream().map(m -> new MeasurePlan.Counter(m.name(), m.target(), m.diagnostic())).toList(),
                benchmarks.stream().map(m -> new MeasurePlan.Benchmark(m.name(), m.target())).toList());
        double loadBefore = loadAverage();

        Side starter = null;
        Side submission = null;
        try {
            starter = launch("the starter", exercise, exercise.starterClasses(), plan, workDir, children, seed);
            submission = launch("your code", exercise, submissionClasses, plan, workDir, children, seed);
            Side[] both = {starter, submission};
            List<MetricResult> results = new ArrayList<>();
            int pairsUsed = 0;
            for (Metric counter : counters) {
                Paired paired;
                if (counter.kind() == Metric.Kind.TIMED_COUNTER) {
                    paired = measurePairs(counter, settings, starter, submission, Sampler.counts(counter), progress);
                } else {
                    progress.accept("counting " + counter.name());
                    paired = countOnce(counter, starter, submission);
                }
                if (!(paired instanceof Paired.Measured measured)) {
                    return unusable(paired, counter, starter, start);
                }
                pairsUsed = Math.max(pairsUsed, counter.kind().paired() ? measured.result().starterSamples().size() : 0);
                results.add(measured.result());
            }
            for (Metric benchmark : benchmarks) {
                Optional<Paired.Failed> warmUpFailed = warmUp(benchmark, settings, starter, submission, progress);
                Paired paired = warmUpFailed.isPresent() ? warmUpFailed.get() : measurePairs(benchmark, settings,
                        starter, submission, Sampler.slices(benchmark, settings.clock()), progress);
                if (!(paired instanceof Paired.Measured measured)) {
                    return unusable(paired, benchmark, starter, start);
                }
                for (Side side : both) {
                    side.jvm().tell(MeasureCommand.STOP);
                }
                pairsUsed = Math.max(pairsUsed, measured.result().starterSamples().size());
                results.add(measured.result());
            }
            results = explained(results, counters, submission, progress);
            for (Side side : both) {
                side.jvm().endInput();
            }
            double variation = benchmarks.isEmpty() ? 0
                    : variation(starter.recorder().samples(benchmarks.get(0).name(), settings.clock()));
            MeasurementConditions conditions = new MeasurementConditions(seed, settings.warmupSlices(),
                    settings.sliceMillis(), pairsUsed, CONFIDENCE, loadBefore, loadAverage(), variation, waitedMillis);
            return decided(results, conditions, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        } finally {
            close(starter);
            close(submission);
        }
    }

    /**
     * The results with what the diagnostics say about counters that fell short. Asked of the submission
     * only, after every measured slice, so explaining never costs a passing grading anything nor disturbs
     * a measurement; a diagnostic that fails or hangs leaves the metric without one, as it explains and
     * never decides.
     */
    private static List<MetricResult> explained(List<MetricResult> results, List<Metric> counters, Side submission,
                                                Consumer<String> progress) throws InterruptedException {
        long diagnosed = counters.stream().filter(counter -> counter.diagnostic().isPresent()).count();
        boolean wanted = results.stream().anyMatch(result -> result.outcome() != MetricResult.Outcome.CLEARED
                && counters.stream().anyMatch(c -> c.name().equals(result.metric()) && c.diagnostic().isPresent()));
        if (!wanted) {
            return results;
        }
        progress.accept("explaining what fell short");
        if (submission.step(MeasureCommand.DIAGNOSE, (int) diagnosed, System.nanoTime() + SLICE_LIMIT.toNanos()).isPresent()) {
            return results;
        }
        return results.stream().map(result -> result.outcome() == MetricResult.Outcome.CLEARED ? result
                : result.withDiagnostic(submission.recorder().diagnostic(result.metric()))).toList();
    }

    /** A metric's measurement: its result, the side whose run failed and why, or a starter that measured zero. */
    private sealed interface Paired {
        record Measured(MetricResult result) implements Paired {
        }

        record Failed(Side side, String problem) implements Paired {
        }

        record StarterZero() implements Paired {
        }
    }

    /** How a paired metric takes one sample on a side, and where the samples are read back. */
    private record Sampler(IntFunction<MeasureCommand> command, Function<Side, List<Double>> values) {

        /** A benchmark: one measured slice per sample. */
        static Sampler slices(Metric metric, Measurement.Clock clock) {
            return new Sampler(pair -> MeasureCommand.SLICE, side -> side.recorder().samples(metric.name(), clock));
        }

        /** A timed counter: one run per sample, the first moving the JVM on to this counter. */
        static Sampler counts(Metric metric) {
            return new Sampler(pair -> pair == 0 ? MeasureCommand.COUNT : MeasureCommand.COUNT_AGAIN,
                    side -> side.recorder().counts(metric.name()).stream().map(Long::doubleValue).toList());
        }
    }

    /** A deterministic counter: one run per side decides. */
    private static Paired countOnce(Metric counter, Side starter, Side submission) throws InterruptedException {
        for (Side side : new Side[] {starter, submission}) {
            Optional<String> problem = side.step(MeasureCommand.COUNT, System.nanoTime() + SLICE_LIMIT.toNanos());
            if (problem.isPresent()) {
                return new Paired.Failed(side, problem.get());
            }
        }
        double before = starter.recorder().counts(counter.name()).get(0);
        double after = submission.recorder().counts(counter.name()).get(0);
        if (!(before > 0)) {
            return new Paired.StarterZero();
        }
        double ratio = after / before;
        return new Paired.Measured(new MetricResult(counter.name(), counter.description(), counter.unit(),
                counter.direction(), before, after, ratio, ratio, ratio, 1, counter.threshold(),
                counter.passes(ratio) ? MetricResult.Outcome.CLEARED : MetricResult.Outcome.MISSED,
                List.of(before), List.of(after), Optional.empty()));
    }

    /** A benchmark's warm-up slices, in A B / B A order; the failure if one of them failed. */
    private static Optional<Paired.Failed> warmUp(Metric metric, Measurement settings, Side starter, Side submission,
                                                  Consumer<String> progress) throws InterruptedException {
        for (int slice = 1; slice <= settings.warmupSlices(); slice++) {
            progress.accept("warming up " + metric.name() + ": slice " + slice + " of " + settings.warmupSlices());
            for (Side side : slice % 2 == 1 ? new Side[] {starter, submission} : new Side[] {submission, starter}) {
                Optional<String> problem = side.step(MeasureCommand.SLICE, System.nanoTime() + SLICE_LIMIT.toNanos());
                if (problem.isPresent()) {
                    return Optional.of(new Paired.Failed(side, problem.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Rounds of A B / B A pairs until the interval decides or the rounds are used up. */
    private static Paired measurePairs(Metric metric, Measurement settings, Side starter, Side submission,
                                       Sampler sampler, Consumer<String> progress) throws InterruptedException {
        double alpha = (1 - CONFIDENCE) / settings.maxRounds();
        List<Double> ratios = new ArrayList<>();
        RatioInterval interval = null;
        MetricResult.Outcome outcome = MetricResult.Outcome.UNDECIDED;
        for (int round = 1; round <= settings.maxRounds() && outcome == MetricResult.Outcome.UNDECIDED; round++) {
            for (int pair = 0; pair < settings.pairs(); pair++) {
                boolean starterFirst = ratios.size() % 2 == 0;
                MeasureCommand command = sampler.command().apply(ratios.size());
                for (Side side : starterFirst ? new Side[] {starter, submission} : new Side[] {submission, starter}) {
                    Optional<String> problem = side.step(command, System.nanoTime() + SLICE_LIMIT.toNanos());
                    if (problem.isPresent()) {
                        return new Paired.Failed(side, problem.get());
                    }
                }
                List<Double> before = sampler.values().apply(starter);
                List<Double> after = sampler.values().apply(submission);
                double starterValue = before.get(before.size() - 1);
                if (!(starterValue > 0)) {
                    return new Paired.StarterZero();
                }
                ratios.add(after.get(after.size() - 1) / starterValue);
            }
            interval = RatioInterval.of(ratios, alpha);
            outcome = interval.decide(metric);
            progress.accept("measured " + metric.name() + ": " + ratios.size() + " pairs, "
                    + Numbers.significant(interval.ratio()) + "× [" + Numbers.significant(interval.low()) + "–"
                    + Numbers.significant(interval.high()) + "]"
                    + (outcome == MetricResult.Outcome.UNDECIDED && round < settings.maxRounds()
                    ? ", not decided yet: measuring more" : ""));
        }
        List<Double> before = sampler.values().apply(starter);
        List<Double> after = sampler.values().apply(submission);
        Objects.requireNonNull(interval, "a manifest asks for one round at least");
        return new Paired.Measured(new MetricResult(metric.name(), metric.description(), metric.unit(),
                metric.direction(), Numbers.median(before), Numbers.median(after), interval.ratio(),
                interval.low(), interval.high(), CONFIDENCE, metric.threshold(), outcome, before, after,
                Optional.empty()));
    }

    private static Result decided(List<MetricResult> results, MeasurementConditions conditions, long start) {
        List<MetricResult> missed = results.stream().filter(r -> r.outcome() == MetricResult.Outcome.MISSED).toList();
        List<MetricResult> undecided = results.stream().filter(r -> r.outcome() == MetricResult.Outcome.UNDECIDED).toList();
        StageResult stage;
        if (!missed.isEmpty()) {
            stage = new StageResult(Stage.PERFORMANCE, StageResult.Status.FAILED, millis(start),
                    missed.stream().map(PerformanceStage::shortfall).collect(Collectors.joining("; ")));
        } else if (!undecided.isEmpty()) {
            stage = new StageResult(Stage.PERFORMANCE, StageResult.Status.INCONCLUSIVE, millis(start),
                    undecided.stream().map(PerformanceStage::shortfall).collect(Collectors.joining("; ")));
        } else {
            stage = new StageResult(Stage.PERFORMANCE, StageResult.Status.PASSED, millis(start), "every metric cleared its threshold");
        }
        return new Result(stage, results, Optional.of(conditions));
    }

    /** The stage's result when a metric could not be measured. */
    private static Result unusable(Paired paired, Metric metric, Side starter, long start) {
        if (paired instanceof Paired.Failed failed) {
            return failed(starter.equals(failed.side()), failed.problem(), start);
        }
        return new Result(new StageResult(Stage.PERFORMANCE, StageResult.Status.ERROR, millis(start), "the starter measured"
                + " zero on " + metric.name() + ", so no ratio can be formed"), List.of(), Optional.empty());
    }

    private static Result failed(boolean starterSide, String problem, long start) {
        return starterSide
                ? new Result(new StageResult(Stage.PERFORMANCE, StageResult.Status.ERROR, millis(start),
                "the starter could not be measured: " + problem), List.of(), Optional.empty())
                : new Result(new StageResult(Stage.PERFORMANCE, StageResult.Status.FAILED, millis(start),
                "measuring your code failed: " + problem), List.of(), Optional.empty());
    }

    private static Side launch(String label, PreparedExercise exercise, Path implementation, MeasurePlan plan,
                               Path workDir, ChildJvm children, long seed) throws GradingException {
        PreparedExercise.FixedClasses fixed = exercise.classes();
        List<String> options = new ArrayList<>(JvmOptions.forMeasurement());
        options.add("-Dhotpath.workload.seed=" + seed);
        ChildJvm.Spec spec = new ChildJvm.Spec(List.of(fixed.support(), fixed.benchmarks(), implementation), options,
                exercise.exercise().manifest().limits().heapMegabytes(), MeasureMain.class.getName(), plan.toArgs(),
                workDir);
        Measurement settings = exercise.exercise().manifest().measurement();
        int slices = plan.benchmarks().size() * (settings.warmupSlices() + settings.maxSlices());
        long timedRuns = exercise.exercise().manifest().metrics().stream()
                .filter(metric -> metric.kind() == Metric.Kind.TIMED_COUNTER).count() * settings.maxSlices();
        // Each side waits while the other works, so its wall limit covers both sides' slices and runs.
        Duration limit = Duration.ofMillis(60_000 + 2L * 3 * slices * settings.sliceMillis()
                + 2L * timedRuns * TIMED_RUN_ALLOWANCE.toMillis());
        MeasurementRecorder recorder = new MeasurementRecorder(
                exercise.exercise().manifest().metrics(), settings.warmupSlices() + settings.maxSlices());
        ChildJvm.Launched jvm;
        try {
            jvm = children.launch(spec, limit);
        } catch (IOException e) {
            throw new GradingException("could not start a measurement JVM: " + e.getMessage(), e);
        }
        CompletableFuture<ChildJvm.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return jvm.converse(recorder);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ChildJvm.Outcome.lost("grading was interrupted");
            } finally {
                recorder.ended();
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "hotpath-measure-" + label);
            thread.setDaemon(true);
            thread.start();
        });
        return new Side(label, jvm, recorder, outcome);
    }

    private static ChildJvm.Outcome ended(Side side) throws InterruptedException {
        try {
            return side.outcome().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return ChildJvm.Outcome.lost("it could not be followed: " + e);
        }
    }

    private static void close(@Nullable Side side) {
        if (side != null) {
            side.jvm().close();
        }
    }

    private static String shortfall(MetricResult result) {
        return result.metric() + ": " + Numbers.ratio(result) + " the starter, needed "
                + result.direction().bound() + " " + Numbers.significant(result.threshold()) + "×";
    }

    /** Median absolute deviation over the median: robust to the odd disturbed slice. */
    private static double variation(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double median = Numbers.median(values);
        return Numbers.median(values.stream().map(v -> Math.abs(v - median)).toList()) / median;
    }

    /** The host's one-minute load average, or a negative value where the system does not tell. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() <= 500 ? trimmed : "…" + trimmed.substring(trimmed.length() - 500);
    }
}
