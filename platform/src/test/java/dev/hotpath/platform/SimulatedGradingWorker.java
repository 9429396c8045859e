package dev.hotpath.platform;

import dev.hotpath.grader.Graded;

import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.web.TrustedProxies;

import dev.hotpath.grader.ProgressEvent;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.grading.QueueTiming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A grader worker process as {@code platform.jar worker} runs it (the same {@link Platform} in the WORKER role,
 * the same queue, leases and heartbeat), grading with a stand-in for the grader so that the scale-out test
 * can grade hundreds of submissions in CI time: stages take tens of milliseconds instead of seconds, progress
 * messages carry the time they were sent (so the test can measure how late a browser sees them), and the
 * "measurement" holds a host-wide file lock as the real grader's does. The submitted code says what to
 * report: {@code // simulate: PASS}, {@code FAIL_TESTS} or {@code FAIL_COMPILE}.
 *
 * <p>Arguments: database URL, user, password, course directory, lease seconds, slots, lock file.
 */
public final class SimulatedGradingWorker {

    private SimulatedGradingWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path lockFile = Path.of(args[6]);
        Platform.Settings settings = new Platform.Settings(0, new Database.Location(args[0], args[1], args[2]),
                Path.of(args[3]), Optional.empty(), true, GradingLimits.DEFAULT.withWorkers(Integer.parseInt(args[5])),
                QueueTiming.withLease(Duration.ofSeconds(Long.parseLong(args[4]))), TrustedProxies.NONE,
                Throttle.Rules.DEFAULT);
        Platform platform = Platform.start(Platform.Role.WORKER, settings,
                new Platform.GraderFunctions((exercise, submission, listener) -> new Graded(grade(exercise, submission, listener, lockFile),
                        Optional.empty(), ""),
                        ScriptedGrader::validate));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        System.out.println("simulated worker grading, pid " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static GradeReport grade(Exercise exercise, Submission submission, ProgressListener listener, Path lockFile) {
        String code = String.join("\n", submission.files().values());
        String outcome = code.contains("// simulate: FAIL_COMPILE") ? "FAIL_COMPILE"
                : code.contains("// simulate: FAIL_TESTS") ? "FAIL_TESTS" : "PASS";
        stage(listener, Stage.COMPILE, 60, 1);
        if (outcome.equals("FAIL_COMPILE")) {
            return report(exercise, Verdict.FAIL, "Your code does not compile: 1 error.");
        }
        stage(listener, Stage.POLICY, 10, 1);
        stage(listener, Stage.TESTS, 300, 3);
        if (outcome.equals("FAIL_TESTS")) {
            return report(exercise, Verdict.FAIL, "Not correct yet: 2 of 3 tests passed.");
        }
        // A file lock is held per JVM, not per thread: the process's own slots queue on a monitor first.
        synchronized (SimulatedGradingWorker.class) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                stage(listener, Stage.PERFORMANCE, 250, 2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report(exercise, Verdict.PASS, "All tests pass and every metric cleared its threshold.");
    }

    /** A stage of {@code millis} with {@code updates} progress messages, each saying when it was sent. */
    private static void stage(ProgressListener listener, Stage stage, long millis, int updates) {
        String name = stage.id();
        listener.progress(new ProgressEvent(name, ProgressEvent.Phase.STARTED, "", 0, null));
        for (int i = 1; i <= updates; i++) {
            sleep(millis / updates);
            listener.progress(new ProgressEvent(name, ProgressEvent.Phase.UPDATE,
                    i + " of " + updates + " done, sent at " + System.currentTimeMillis(), 0, null));
        }
        listener.progress(new ProgressEvent(name, ProgressEvent.Phase.FINISHED, "done", 0,
                new StageResult(stage, StageResult.Status.PASSED, millis, "done")));
    }

    private static GradeReport report(Exercise exercise, Verdict verdict, String summary) {
        return new GradeReport(GradeReport.SCHEMA, exercise.id(), verdict, summary, true, 0, List.of(), List.of(),
                List.of(), List.of(), "", "", null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
