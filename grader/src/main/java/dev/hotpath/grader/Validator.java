package dev.hotpath.grader;

import dev.hotpath.grader.ValidationReport.Check;
import dev.hotpath.grader.authoring.ExerciseCheck;
import dev.hotpath.grader.authoring.Problem;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.exercise.Trap;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks an exercise's wiring ({@link ExerciseCheck}), then grades its starter, reference solution and
 * traps through the real pipeline and checks each comes out as the exercise promises. {@code mvn
 * verify} runs it for every exercise.
 */
public final class Validator {

    /** Where the progress of grading one subject ({@code starter}, {@code solution}, {@code trap NAME}) goes. */
    @FunctionalInterface
    public interface Progress {
        ProgressListener grading(String subject);

        /** Progress nobody follows. */
        Progress NONE = subject -> ProgressListener.NONE;
    }

    private final Grader grader;

    public Validator(Grader grader) {
        this.grader = grader;
    }

    /** Stops after the wiring check when it finds problems: grading a miswired exercise only repeats them. */
    public ValidationReport validate(Exercise exercise, Progress progress) {
        List<Check> checks = new ArrayList<>();
        long start = System.nanoTime();
        List<Problem> problems = ExerciseCheck.run(exercise.dir());
        for (Problem problem : problems) {
            checks.add(new Check(WIRING, "is consistent", false, problem.toString()));
        }
        if (!problems.isEmpty()) {
            return new ValidationReport(exercise.id(), checks);
        }
        checks.add(new Check(WIRING, "is consistent", true, String.format(Locale.ROOT, "manifest, module line, lesson"
                + " entry, copies, build, counters, benchmarks, traps' texts and test names checked in %.1f s",
                (System.nanoTime() - start) / 1e9)));
        List<Trap> traps;
        try {
            traps = Trap.readAll(exercise);
        } catch (YamlException | IOException e) { // the wiring check read them a moment ago
            return new ValidationReport(exercise.id(), List.of(new Check("traps", "every trap file is valid",
                    false, Objects.requireNonNullElse(e.getMessage(), e.toString()))));
        }

        Optional<GradeReport> starter = grade(exercise, () -> Submission.fromDirectory(exercise, exercise.starterDir()),
                "starter", progress, checks);
        starter.ifPresent(report -> {
            checks.add(new Check("starter", "passes every test", testsPassed(report), testSummary(report)));
            boolean slow = !report.performance().isEmpty() && report.performance().stream().noneMatch(MetricResult::passed);
            checks.add(new Check("starter", "misses every performance threshold", slow,
                    relabel("starter", performanceSummary(exercise, report))));
            // A diagnostic speaks only where a counter fell short: the starter is where it must be seen to work.
            exercise.manifest().metrics().stream().filter(metric -> metric.diagnostic().isPresent()).forEach(metric -> {
                Optional<String> said = report.performance().stream().filter(result -> result.metric().equals(metric.name()))
                        .findFirst().flatMap(MetricResult::diagnostic);
                checks.add(new Check("starter", "is explained by the diagnostic of " + metric.name(), said.isPresent(),
                        said.orElse(metric.diagnostic().get() + " said nothing (or failed: its message is in the"
                                + " measurement JVM's output)")));
            });
        });

        grade(exercise, () -> Submission.fromDirectory(exercise, exercise.solutionDir()), "solution", progress, checks)
                .ifPresent(report ->
                checks.add(new Check("solution", "passes (correct and fast)", report.verdict() == Verdict.PASS,
                        report.verdict() == Verdict.PASS ? performanceSummary(exercise, report)
                                : relabel("solution", report.summary() + " " + testSummary(report)))));

        for (Trap trap : traps) {
            grade(exercise, () -> trap.submission(exercise), "trap " + trap.name(), progress, checks)
                    .ifPresent(report -> checks.add(trapCheck(trap, report)));
        }
        return new ValidationReport(exercise.id(), checks);
    }

    /** Where a submission to validate comes from. */
    private interface SubmissionSource {
        Submission get() throws InvalidSubmissionException;
    }

    static final String WIRING = "wiring";

    /** Gradings of one subject at most, while the measurement stays inconclusive. */
    static final int MAX_ATTEMPTS = 3;

    private Optional<GradeReport> grade(Exercise exercise, SubmissionSource source, String subject,
                                        Progress progress, List<Check> checks) {
        ProgressListener listener = relabelled(subject, progress.grading(subject));
        try {
            GradeReport report = grader.grade(exercise, source.get(), listener);
            // As the platform does: a measurement the machine was too busy to decide is taken again.
            for (int retry = 1; retry < MAX_ATTEMPTS && report.verdict() == Verdict.INCONCLUSIVE; retry++) {
                report = grader.grade(exercise, source.get(), relabelled(subject,
                        progress.grading(subject + " again (" + relabel(subject, report.summary()) + ")")));
            }
            if (report.verdict() == Verdict.ERROR) {
                checks.add(new Check(subject, "can be graded", false, relabel(subject, report.summary())));
                return Optional.empty();
            }
            return Optional.of(report);
        } catch (InvalidSubmissionException e) {
            checks.add(new Check(subject, "exists", false, Objects.requireNonNullElse(e.getMessage(), e.toString())));
            return Optional.empty();
        }
    }

    /**
     * The pipeline speaks to a learner about "your code"; here the graded code is the starter, the
     * solution or a trap, and a problem of the exercise is the author's to fix.
     */
    static String relabel(String subject, String text) {
        String name = subject.startsWith("trap ") ? subject : "the " + subject;
        return text.replace(" This is not a problem with your code.", "")
                .replace("Your code", Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .replace("your code", name);
    }

    private static ProgressListener relabelled(String subject, ProgressListener listener) {
        return event -> listener.progress(new ProgressEvent(event.stage(), event.phase(),
                relabel(subject, event.message()), event.elapsedMillis(), event.result()));
    }

    private static Check trapCheck(Trap trap, GradeReport report) {
        List<String> problems = new ArrayList<>();
        if (report.verdict() != Verdict.FAIL) {
            problems.add("graded " + report.verdict() + ", expected FAIL");
        }
        for (String expected : trap.failingTests()) {
            Optional<TestResult> test = report.tests().stream().filter(t -> matches(t, expected)).findFirst();
            if (test.isEmpty()) {
                problems.add(expected + " did not run");
            } else if (test.get().status() == TestResult.Status.PASSED) {
                problems.add(expected + " passed, but should catch this trap");
            }
        }
        for (String metric : trap.failingMetrics()) {
            Optional<MetricResult> result = report.performance().stream().filter(m -> m.metric().equals(metric)).findFirst();
            if (result.isEmpty()) {
                problems.add(metric + " was not measured");
            } else if (result.get().passed()) {
                problems.add(metric + " cleared its threshold, but should catch this trap");
            }
        }
        String caughtBy = report.tests().stream()
                .filter(test -> test.status().failed())
                .map(test -> simpleName(test.className()) + "#" + test.method())
                .collect(Collectors.joining(", "));
        String subject = "trap " + trap.name();
        return new Check(subject, trap.description(), problems.isEmpty(), relabel(subject, problems.isEmpty()
                ? "caught: " + (caughtBy.isEmpty() ? report.summary() : "failed " + caughtBy)
                : String.join("; ", problems) + " (" + report.summary() + ")"));
    }

    private static boolean matches(TestResult test, String expected) {
        return (simpleName(test.className()) + "#" + test.method()).equals(expected);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean testsPassed(GradeReport report) {
        return report.stages().stream().anyMatch(stage -> stage.stage() == Stage.TESTS
                && stage.status() == StageResult.Status.PASSED);
    }

    private static String testSummary(GradeReport report) {
        List<String> failing = report.tests().stream()
                .filter(test -> test.status().failed())
                .map(test -> test.name() + ": " + test.status() + " " + test.message())
                .toList();
        String tests = report.stages().stream().filter(stage -> stage.stage() == Stage.TESTS)
                .map(StageResult::message).findFirst().orElse("tests did not run");
        return failing.isEmpty() ? tests : tests + " — " + String.join("; ", failing);
    }

    /** Each metric as "name: starter → submission (ratio×, needs …×; margin …×)". */
    static String performanceSummary(Exercise exercise, GradeReport report) {
        if (report.performance().isEmpty()) {
            return "not measured: " + report.summary();
        }
        return report.performance().stream().map(result -> {
            Metric metric = exercise.manifest().metrics().stream()
                    .filter(m -> m.name().equals(result.metric())).findFirst().orElseThrow();
            double margin = metric.improvement(result.ratio()) / metric.requiredImprovement();
            return String.format(Locale.ROOT, "%s: starter %s, submission %s %s, ratio %s (needs %s %s; "
                            + "%s× the required shift)", result.metric(), Numbers.significant(result.starter()),
                    Numbers.significant(result.submission()), result.unit(), Numbers.ratio(result),
                    result.direction().symbol(), Numbers.significant(result.threshold()),
                    Numbers.significant(margin));
        }).collect(Collectors.joining("; "));
    }
}
