import dev.hotpath.grader.Grader;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.Trap;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.MetricResult;
import dev.hotpath.grader.report.TestResult;
import dev.hotpath.grader.report.Verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How reliably each trap of an exercise is caught: grades every known-wrong solution N times through
 * the real pipeline and counts the runs where the verdict is FAIL and every test the trap names
 * failed (or every metric it names missed). Run through bench/trap-detection.
 */
public class TrapDetection {

    public static void main(String[] args) throws Exception {
        Exercise exercise = Exercise.load(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // Optional: only the traps named (comma-separated), e.g. the new ones while the old are known.
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        List<Trap> traps = Trap.readAll(exercise).stream()
                .filter(trap -> only.isEmpty() || only.contains(trap.name()))
                .toList();
        if (traps.isEmpty()) {
            throw new IllegalArgumentException("no trap of " + exercise.id() + " is named " + only);
        }
        System.out.printf(Locale.ROOT, "exercise %s: %d traps, %d runs each%n", exercise.id(), traps.size(), runs);
        try (Grader grader = new Grader()) {
            for (Trap trap : traps) {
                int caught = 0;
                long millis = 0;
                for (int run = 0; run < runs; run++) {
                    GradeReport report = grader.grade(exercise, trap.submission(exercise), ProgressListener.NONE);
                    millis += report.totalMillis();
                    if (caught(trap, report)) {
                        caught++;
                    } else {
                        System.out.printf(Locale.ROOT, "    %s missed in run %d: %s — %s%n", trap.name(), run + 1,
                                report.verdict(), report.summary());
                    }
                }
                System.out.printf(Locale.ROOT, "  %-34s caught %2d/%d  (%.1f s per grading)%n", trap.name(), caught, runs,
                        millis / 1000.0 / runs);
            }
        }
    }

    private static boolean caught(Trap trap, GradeReport report) {
        if (report.verdict() != Verdict.FAIL) {
            return false;
        }
        for (String expected : trap.failingTests()) {
            boolean failed = report.tests().stream().anyMatch(test ->
                    (test.className().substring(test.className().lastIndexOf('.') + 1) + "#" + test.method()).equals(expected)
                            && test.status().failed());
            if (!failed) {
                return false;
            }
        }
        for (String metric : trap.failingMetrics()) {
            if (report.performance().stream().noneMatch(m -> m.metric().equals(metric) && !m.passed())) {
                return false;
            }
        }
        return true;
    }
}
