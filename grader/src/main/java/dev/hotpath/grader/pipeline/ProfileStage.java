package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.child.ProfileMain;
import dev.hotpath.grader.child.ProfilePlan;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.profile.JfrProfileReader;
import dev.hotpath.grader.profile.Profile;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileException;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * After the performance stage, in a pass of its own so the profiler cannot touch the verdict: runs
 * the exercise's benchmark workload once under JDK Flight Recorder in a sandboxed child JVM
 * ({@link ProfileMain}), for the submission and — once per exercise build, then cached — for the
 * starter, and reads both recordings here as untrusted input ({@link JfrProfileReader}).
 */
final class ProfileStage {

    /** Short: a profile only has to show where the time goes, not measure it precisely. */
    static final int WARMUP_ITERATIONS = 2;
    static final int ITERATIONS = 8;
    static final int ITERATION_MILLIS = 200;

    private final Map<PreparedExercise, CompletableFuture<Profile>> starters = Collections.synchronizedMap(new WeakHashMap<>());
    private final Duration parseDeadline;

    ProfileStage(Duration parseDeadline) {
        this.parseDeadline = parseDeadline;
    }

    ProfileComparison run(PreparedExercise exercise, Path submissionClasses, Path workDir, ChildJvm children,
                          Consumer<String> progress) throws ProfileException, GradingException {
        Profile starter = starter(exercise, workDir, children, progress);
        progress.accept("recording a profile of your code (not part of the verdict)");
        Profile submission = record(exercise, submissionClasses, workDir, children);
        return ProfileComparison.of(exercise.exercise().id(), classNames(submissionClasses), starter, submission);
    }

    /** The starter's profile, recorded once per prepared exercise; a failed attempt is tried again next time. */
    private Profile starter(PreparedExercise exercise, Path workDir, ChildJvm children, Consumer<String> progress)
            throws ProfileException, GradingException {
        CompletableFuture<Profile> mine = new CompletableFuture<>();
        CompletableFuture<Profile> cached = starters.putIfAbsent(exercise, mine);
        if (cached == null) {
            try {
                progress.accept("recording a profile of the starter (once per exercise build)");
                mine.complete(record(exercise, exercise.starterClasses(), workDir, children));
            } catch (ProfileException | GradingException | RuntimeException e) {
                starters.remove(exercise, mine);
                mine.completeExceptionally(e);
            }
            cached = mine;
        }
        try {
            return cached.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProfileException problem) {
                throw new ProfileException("the starter could not be profiled: " + problem.getMessage(), problem);
            }
            if (e.getCause() instanceof GradingException problem) {
                throw problem;
            }
            throw new GradingException("profiling the starter failed: " + e.getCause(), e.getCause());
        }
    }

    private Profile record(PreparedExercise exercise, Path implementation, Path workDir, ChildJvm children)
            throws ProfileException, GradingException {
        List<Metric> benchmarks = exercise.exercise().manifest().metrics().stream()
                .filter(metric -> metric.kind() == Metric.Kind.BENCHMARK).toList();
        if (benchmarks.isEmpty()) {
            throw new ProfileException("the exercise has no benchmark to profile");
        }
        ProfilePlan plan = new ProfilePlan(WARMUP_ITERATIONS, ITERATIONS, ITERATION_MILLIS,
                benchmarks.stream().map(Metric::target).toList());
        PreparedExercise.FixedClasses fixed = exercise.classes();
        ChildJvm.Spec spec = new ChildJvm.Spec(List.of(fixed.support(), fixed.benchmarks(), implementation),
                JvmOptions.forProfiling(), exercise.exercise().manifest().limits().heapMegabytes(),
                ProfileMain.class.getName(), plan.toArgs(), workDir);
        Duration limit = Duration.ofMillis(30_000 + 3L * benchmarks.size() * (WARMUP_ITERATIONS + ITERATIONS) * ITERATION_MILLIS);
        Recorder recorder = new Recorder();
        ChildJvm.Outcome outcome;
        try {
            outcome = children.run(spec, recorder, limit);
        } catch (IOException e) {
            throw new GradingException("could not start a profiling JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        }
        if (outcome.stopped()) {
            throw new ProfileException("the profiling run was stopped because " + outcome.stopReason());
        }
        if (recorder.crash.isPresent()) {
            throw new ProfileException("the profiling run failed: " + recorder.crash.get());
        }
        if (!recorder.done) {
            throw new ProfileException("the profiling JVM exited (exit code " + outcome.exitCode() + ") before it finished"
                    + TestStage.outOfMemory(outcome.output()));
        }
        Path file = null;
        try {
            file = Files.createTempFile(workDir, "profile-", ".jfr");
            Files.write(file, recorder.recording.toByteArray());
            return new JfrProfileReader(exercisePackages(exercise), parseDeadline).read(file);
        } catch (IOException e) {
            throw new GradingException("could not keep the recording: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // The workspace is deleted after grading anyway.
                }
            }
        }
    }

    /** The packages of the editable files: a stack through any of them (or their subpackages) is the exercise's. */
    static Set<String> exercisePackages(PreparedExercise exercise) {
        return exercise.exercise().manifest().editable().stream()
                .map(path -> path.replaceFirst("^src/main/java/", ""))
                .filter(path -> path.contains("/"))
                .map(path -> path.substring(0, path.lastIndexOf('/')).replace('/', '.'))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> classNames(Path classes) throws GradingException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '.'))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new GradingException("could not list the compiled classes: " + e.getMessage(), e);
        }
    }

    /** Collects the recording's chunks, refusing more than a reader would accept. */
    static final class Recorder implements ChannelHandler {

        private final ByteArrayOutputStream recording = new ByteArrayOutputStream();
        private boolean done;
        private Optional<String> crash = Optional.empty();

        @Override
        public void onEvent(ChildEvent event) throws ChannelViolation {
            if (done) {
                throw new ChannelViolation("it sent results after it said it was done");
            }
            if (event instanceof ChildEvent.RecordingPart part) {
                byte[] bytes = part.data();
                if (recording.size() + (long) bytes.length > JfrProfileReader.MAX_RECORDING_BYTES) {
                        throw new ChannelViolation("it sent a recording larger than "
                                + JfrProfileReader.MAX_RECORDING_BYTES + " bytes");
                    }
                recording.writeBytes(bytes);
            } else if (event instanceof ChildEvent.Done) {
                done = true;
            } else if (event instanceof ChildEvent.Crashed crashed) {
                crash = Optional.of(crashed.message());
            } else {
                throw new ChannelViolation("it sent an unknown event: " + event.getClass().getSimpleName());
            }
        }
    }
}
