package dev.hotpath.grader;

import dev.hotpath.grader.ValidationReport.Check;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.exercise.Trap;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;
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
 * Grades an exercise's starter, reference solution and traps through the real pipeline and checks
 * each comes out as the exercise promises. {@code mvn verify} runs it for every exercise.
 */
public final class Validator {

    private final Grader grader;

    public Validator(Grader grader) {
        this.grader = grader;
    }

    public ValidationReport validate(Exercise exercise, ProgressListener listener) {
        List<Check> checks = new ArrayList<>();
        List<Trap> traps;
        try {
            traps = Trap.readAll(exercise);
        } catch (YamlException | IOException e) {
            return new ValidationReport(exercise.id(), List.of(new Check("traps", "every trap file is valid",
                    false, Objects.requireNonNullElse(e.getMessage(), e.toString()))));
        }

        Optional<GradeReport> starter = grade(exercise, () -> Submission.fromDirectory(exercise, exercise.starterDir()),
                "starter", listener, checks);
        starter.ifPresent(report -> {
            checks.add(new Check("starter", "passes every test", testsPassed(report), testSummary(report)));
            boolean slow = !report.performance().isEmpty() && report.performance().stream().noneMatch(MetricResult::passed);
            checks.add(new Check("starter", "misses every performance threshold", slow, performanceSummary(exercise, report)));
        });

        grade(exercise, () -> Submission.fromDirectory(exercise, exercise.solutionDir()), "solution", listener, checks)
                .ifPresent(report ->
                checks.add(new Check("solution", "passes (correct and fast)", report.verdict() == Verdict.PASS,
                        report.verdict() == Verdict.PASS ? performanceSummary(exercise, report)
                                : report.summary() + " " + testSummary(report))));

        for (Trap trap : traps) {
            grade(exercise, () -> trap.submission(exercise), "trap " + trap.name(), listener, checks)
                    .ifPresent(report -> checks.add(trapCheck(trap, report)));
        }
        return new ValidationReport(exercise.id(), checks);
    }

    /** Where a submission to validate comes from. */
    private interface SubmissionSource {
        Submission get() throws InvalidSubmissionException;
    }

    /** Gradings of one subject at most, while the measurement stays inconclusive. */
    static final int MAX_ATTEMPTS = 3;

    private Optional<GradeReport> grade(Exercise exercise, SubmissionSource source, String subject,
                                        ProgressListener listener, List<Check> checks) {
        try {
            listener.progress(new ProgressEvent("validate", ProgressEvent.Phase.UPDATE, "grading " + subject, 0, null));
            GradeReport report = grader.grade(exercise, source.get(), listener);
            // As the platform does: a measurement the machine was too busy to decide is taken again.
            for (int retry = 1; retry < MAX_ATTEMPTS && report.verdict() == Verdict.INCONCLUSIVE; retry++) {
                listener.progress(new ProgressEvent("validate", ProgressEvent.Phase.UPDATE,
                        "measuring " + subject + " again: " + report.summary(), 0, null));
                report = grader.grade(exercise, source.get(), listener);
            }
            if (report.verdict() == Verdict.ERROR) {
                checks.add(new Check(subject, "can be graded", false, report.summary()));
                return Optional.empty();
            }
            return Optional.of(report);
        } catch (InvalidSubmissionException e) {
            checks.add(new Check(subject, "exists", false, Objects.requireNonNullElse(e.getMessage(), e.toString())));
            return Optional.empty();
        }
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
                .filter(test -> test.status() != TestResult.Status.PASSED && test.status() != TestResult.Status.SKIPPED)
                .map(test -> simpleName(test.className()) + "#" + test.method())
                .collect(Collectors.joining(", "));
        return new Check("trap " + trap.name(), trap.description(), problems.isEmpty(), problems.isEmpty()
                ? "caught: " + (caughtBy.isEmpty() ? report.summary() : "failed " + caughtBy)
                : String.join("; ", problems) + " (" + report.summary() + ")");
    }

    private static boolean matches(TestResult test, String expected) {
        return (simpleName(test.className()) + "#" + test.method()).equals(expected);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean testsPassed(GradeReport report) {
        return report.stages().stream().anyMatch(stage -> stage.name().equals("tests")
                && stage.status() == StageResult.Status.PASSED);
    }

    private static String testSummary(GradeReport report) {
        List<String> failing = report.tests().stream()
                .filter(test -> test.status() != TestResult.Status.PASSED && test.status() != TestResult.Status.SKIPPED)
                .map(test -> test.name() + ": " + test.status() + " " + test.message())
                .toList();
        String tests = report.stages().stream().filter(stage -> stage.name().equals("tests"))
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
                    result.direction().equals("lower") ? "≤" : "≥", Numbers.significant(result.threshold()),
                    Numbers.significant(margin));
        }).collect(Collectors.joining("; "));
    }
}
