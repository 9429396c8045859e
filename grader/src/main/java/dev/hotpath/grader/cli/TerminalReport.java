package dev.hotpath.grader.cli;

import dev.hotpath.grader.ProgressEvent;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.ValidationReport;
import dev.hotpath.grader.profile.FlameGraph;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileView;
import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MeasurementConditions;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.Numbers;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.TestResult;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Renders grading progress and reports for people at a terminal. */
final class TerminalReport {

    private TerminalReport() {
    }

    /**
     * One line per stage start and finish, with the time since grading began; updates within a stage
     * only when a second has passed since the last line, so quick stages stay quiet.
     */
    static ProgressListener progress(PrintStream out) {
        long[] lastLine = {0};
        return event -> {
            String time = String.format(Locale.ROOT, "[%5.1f s]", event.elapsedMillis() / 1000.0);
            switch (event.phase()) {
                case STARTED -> out.println(time + " " + event.stage() + " …");
                case UPDATE -> {
                    if (event.elapsedMillis() - lastLine[0] < 1000) {
                        return;
                    }
                    out.println(time + "   " + event.message());
                }
                case FINISHED -> out.println(time + " " + event.stage() + ": " + status(event) + " — " + event.message());
            }
            lastLine[0] = event.elapsedMillis();
        };
    }

    /** Says plainly that graded code runs without the OS sandbox, and why. */
    static java.util.function.Consumer<String> notSandboxed(PrintStream out) {
        return reason -> out.println("Not sandboxed (" + reason + "): your code runs with your own rights."
                + " Fine for your own code; see docs/security.md before grading anyone else's.");
    }

    private static String status(ProgressEvent event) {
        return event.result() == null ? "" : event.result().status().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The report for a learner, most useful first: the verdict and its reason; then what fell short
     * (compile errors, failing tests with their messages, or metrics that missed, each with what it
     * needed); passing tests only as a count. When the tests pass, performance comes before them.
     * A missed metric points to the {@code profile} command. The stages' details close the report.
     */
    static void print(GradeReport report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%s — %s%n", report.verdict(), report.summary());
        out.printf(Locale.ROOT, "  %s, graded in %.1f s%s%n", report.exercise(), report.totalMillis() / 1000.0,
                report.sandboxed() ? "" : " (not sandboxed)");
        if (!report.hint().isEmpty()) {
            out.println("  Hint: " + report.hint());
        }
        if (!report.compileErrors().isEmpty()) {
            out.println();
            out.println("Compile errors:");
            for (CompileError error : report.compileErrors()) {
                out.println("  " + error);
            }
        }
        List<TestResult> failing = report.tests().stream().filter(test -> test.status().failed()).toList();
        if (failing.isEmpty()) {
            printPerformance(report, out);
            printTests(report, failing, out);
        } else {
            printTests(report, failing, out);
            printPerformance(report, out);
        }
        if (!report.output().isBlank()) {
            out.println();
            out.println("Your code printed:");
            out.println(report.output().stripTrailing().indent(2).stripTrailing());
        }
        out.println();
        out.println("Stages:");
        for (StageResult stage : report.stages()) {
            out.printf(Locale.ROOT, "  %-12s %-12s %6.1f s  %s%n", stage.stage().id(), stage.status().name().toLowerCase(Locale.ROOT),
                    stage.millis() / 1000.0, stage.message());
        }
    }

    /** Failing tests in full, with their messages; the rest as counts. */
    private static void printTests(GradeReport report, List<TestResult> failing, PrintStream out) {
        if (report.tests().isEmpty()) {
            return;
        }
        long passed = report.tests().stream().filter(test -> test.status() == TestResult.Status.PASSED).count();
        long skipped = report.tests().stream().filter(test -> test.status() == TestResult.Status.SKIPPED).count();
        out.println();
        if (failing.isEmpty()) {
            out.println(count(passed, "test") + " passed" + (skipped == 0 ? "" : ", " + skipped + " skipped") + ".");
            return;
        }
        out.println("Tests that did not pass (" + failing.size() + " of " + (passed + failing.size()) + "):");
        for (TestResult test : failing) {
            out.printf(Locale.ROOT, "  %-9s %s%s%n", test.status(), test.hidden() ? "[hidden] " : "", test.name());
            if (!test.message().isEmpty()) {
                for (String line : test.message().lines().toList()) {
                    out.println("            " + line);
                }
            }
        }
        out.println("  and " + count(passed, "test") + " passed" + (skipped == 0 ? "" : ", " + skipped + " skipped") + ".");
    }

    private static void printPerformance(GradeReport report, PrintStream out) {
        if (report.performance().isEmpty()) {
            return;
        }
        out.println();
        out.println("Performance (your code vs the starter, measured in turns in the same run):");
        out.printf(Locale.ROOT, "  %-18s %14s %14s %22s %10s%n", "metric", "starter", "yours", "ratio [95% interval]",
                "needs");
        for (MetricResult metric : report.performance()) {
            out.printf(Locale.ROOT, "  %-18s %14s %14s %22s %3s %6s  %s%n", metric.metric(),
                    number(metric.starter()), number(metric.submission()), Numbers.ratio(metric),
                    metric.direction().symbol(), Numbers.significant(metric.threshold()) + "×",
                    switch (metric.outcome()) {
                        case CLEARED -> "pass";
                        case MISSED -> "FAIL";
                        case UNDECIDED -> "undecided";
                    });
            // One line under each metric that did not clear: the place for why it fell short.
            notes(metric).forEach(note -> out.println("      " + note));
        }
        out.println("  units: " + report.performance().stream()
                .map(metric -> metric.metric() + " in " + metric.unit()).reduce((a, b) -> a + ", " + b).orElse(""));
        if (report.measurement() != null) {
            MeasurementConditions m = report.measurement();
            out.printf(Locale.ROOT, "  measured with seed %d: %d pairs of %d ms slices after %d warm-up slices;"
                            + " load %.2f → %.2f, starter varied %.1f%%%n", m.seed(), m.pairs(), m.sliceMillis(),
                    m.warmupSlices(), m.loadBefore(), m.loadAfter(), 100 * m.starterVariation());
        }
        if (report.performance().stream().anyMatch(metric -> metric.outcome() == MetricResult.Outcome.MISSED)) {
            out.println("  Find the bottleneck in a profile, yours beside the starter's (from the repository root):");
            out.println("    " + profileCommand(report.exercise()));
        }
    }

    /** The lines under a metric's row: for a metric that did not clear, how far it got and what it needed. */
    private static List<String> notes(MetricResult metric) {
        return switch (metric.outcome()) {
            case CLEARED -> List.of();
            case MISSED -> withDiagnostic(metric, metric.metric() + ": " + Numbers.shortfall(metric) + " (short)");
            case UNDECIDED -> withDiagnostic(metric, metric.metric() + ": " + Numbers.shortfall(metric)
                    + " (undecided, the interval straddles the threshold)");
        };
    }

    private static List<String> withDiagnostic(MetricResult metric, String shortfall) {
        return metric.diagnostic().map(why -> List.of(shortfall, "↳ " + why)).orElse(List.of(shortfall));
    }

    static String profileCommand(String exercise) {
        return "java -jar grader/target/grader.jar profile --exercise exercises/" + exercise;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void print(ValidationReport report, PrintStream out) {
        out.println();
        out.println("Validation of " + report.exercise() + ":");
        for (ValidationReport.Check check : report.checks()) {
            out.println("  " + (check.passed() ? "ok   " : "FAIL ") + check.subject() + " " + check.expectation());
            out.println("       " + check.detail());
        }
        out.println(report.passed() ? "VALID" : "INVALID");
    }

    /** The terminal's share of a profile: per view, how much was recorded and which frames moved most. */
    static void print(ProfileComparison profile, PrintStream out) {
        for (ProfileView view : ProfileView.values()) {
            FlameGraph starter = profile.starter().graph(view);
            FlameGraph yours = profile.submission().graph(view);
            out.printf(Locale.ROOT, "%s (%s): starter %,d, yours %,d in the exercise's code%n", view.label(), view.unit(),
                    starter.total() - starter.excluded(), yours.total() - yours.excluded());
            profile.changes().stream().filter(change -> change.view() == view).forEach(change -> out.printf(Locale.ROOT,
                    "  %-60s %5.1f%% -> %5.1f%%%n", change.frame(), 100 * change.starterShare(), 100 * change.submissionShare()));
        }
    }

    /** Counts, and medians from 1,000 up, whole with separators; smaller measured values to three significant digits. */
    private static String number(double value) {
        return (value == Math.rint(value) || Math.abs(value) >= 1000) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", Math.round(value))
                : Numbers.significant(value);
    }
}
