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

    static void print(GradeReport report, PrintStream out) {
        out.println();
        out.println("Exercise " + report.exercise() + (report.sandboxed() ? "" : " (not sandboxed)"));
        if (!report.compileErrors().isEmpty()) {
            out.println();
            out.println("Compile errors:");
            for (CompileError error : report.compileErrors()) {
                out.println("  " + error);
            }
        }
        if (!report.tests().isEmpty()) {
            out.println();
            out.println("Tests:");
            for (TestResult test : report.tests()) {
                out.printf(Locale.ROOT, "  %-9s %s%s%n", test.status(), test.hidden() ? "[hidden] " : "", test.name());
                if (!test.message().isEmpty()) {
                    test.message().lines().forEach(line -> out.println("            " + line));
                }
            }
        }
        if (!report.performance().isEmpty()) {
            out.println();
            out.println("Performance (your code vs the starter, measured in turns in the same run):");
            out.printf(Locale.ROOT, "  %-18s %14s %14s %22s %10s%n", "metric", "starter", "yours", "ratio [95% interval]",
                    "needs");
            for (MetricResult metric : report.performance()) {
                out.printf(Locale.ROOT, "  %-18s %14s %14s %22s %3s %6s  %s%n", metric.metric(),
                        number(metric.starter()), number(metric.submission()), Numbers.ratio(metric),
                        metric.direction().equals("lower") ? "≤" : "≥", Numbers.significant(metric.threshold()) + "×",
                        switch (metric.outcome()) {
                            case CLEARED -> "pass";
                            case MISSED -> "FAIL";
                            case UNDECIDED -> "undecided";
                        });
            }
            out.println("  units: " + report.performance().stream()
                    .map(metric -> metric.metric() + " in " + metric.unit()).reduce((a, b) -> a + ", " + b).orElse(""));
            if (report.measurement() != null) {
                MeasurementConditions m = report.measurement();
                out.printf(Locale.ROOT, "  measured with seed %d: %d pairs of %d ms slices after %d warm-up slices;"
                                + " load %.2f → %.2f, starter varied %.1f%%%n", m.seed(), m.pairs(), m.sliceMillis(),
                        m.warmupSlices(), m.loadBefore(), m.loadAfter(), 100 * m.starterVariation());
            }
        }
        if (!report.output().isBlank()) {
            out.println();
            out.println("Your code printed:");
            out.println(report.output().stripTrailing().indent(2).stripTrailing());
        }
        out.println();
        out.println("Stages:");
        for (StageResult stage : report.stages()) {
            out.printf(Locale.ROOT, "  %-12s %-8s %6.1f s  %s%n", stage.name(), stage.status().name().toLowerCase(Locale.ROOT),
                    stage.millis() / 1000.0, stage.message());
        }
        out.println();
        out.printf(Locale.ROOT, "%s in %.1f s: %s%n", report.verdict(), report.totalMillis() / 1000.0, report.summary());
        if (!report.hint().isEmpty()) {
            out.println("Hint: " + report.hint());
        }
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

    /** Counts in full with separators; measured rates to three significant digits. */
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

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : Numbers.significant(value);
    }
}
