import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotpath.grader.report.Numbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Times the grader from the command line, as a learner runs it, and checks that its verdicts are
 * stable. Run through bench/grading-bench (see bench/README.md):
 * <ul>
 *   <li>reference solution: wall time to the correctness verdict and to the full verdict;</li>
 *   <li>a submission that does not compile: wall time to the verdict;</li>
 *   <li>starter and reference graded N times each: every verdict identical, spread of each ratio;</li>
 *   <li>the reference graded N more times with the OS sandbox off: what the sandbox costs.</li>
 * </ul>
 */
public class GradingBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(String verdict, boolean sandboxed, double wallSeconds, double correctnessSeconds,
               Map<String, Double> ratios) {
    }

    public static void main(String[] args) throws Exception {
        Path exercise = Path.of(args.length > 0 ? args[0] : "exercises/cache-key-explosion");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path jar = Path.of("grader/target/grader.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: mvn -q package -DskipTests");
        }
        Path broken = Files.createTempDirectory("hotpath-bench-broken-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(broken)));
        String editable = firstEditable(exercise);
        Path brokenFile = broken.resolve(editable);
        Files.createDirectories(brokenFile.getParent());
        Files.writeString(brokenFile, Files.readString(exercise.resolve("starter").resolve(editable))
                + "\nclass Broken { int missingValue = ; }\n");

        System.out.printf(Locale.ROOT, "exercise %s, %d runs each, %d cores%n%n", exercise, runs,
                Runtime.getRuntime().availableProcessors());
        List<Run> reference = new ArrayList<>();
        List<Run> starter = new ArrayList<>();
        List<Run> compileError = new ArrayList<>();
        List<Run> unsandboxed = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            // Interleaved, so machine noise spreads over all kinds alike.
            reference.add(grade(jar, exercise, exercise.resolve("solution"), "if-available"));
            starter.add(grade(jar, exercise, exercise.resolve("starter"), "if-available"));
            compileError.add(grade(jar, exercise, broken, "if-available"));
            unsandboxed.add(grade(jar, exercise, exercise.resolve("solution"), "off"));
            System.out.printf(Locale.ROOT, "run %2d: reference %s %.1f s, starter %s %.1f s, compile error %s %.1f s,"
                            + " reference unsandboxed %s %.1f s%n", i,
                    reference.get(i - 1).verdict(), reference.get(i - 1).wallSeconds(),
                    starter.get(i - 1).verdict(), starter.get(i - 1).wallSeconds(),
                    compileError.get(i - 1).verdict(), compileError.get(i - 1).wallSeconds(),
                    unsandboxed.get(i - 1).verdict(), unsandboxed.get(i - 1).wallSeconds());
        }

        System.out.println();
        System.out.println("Time from `grade` start to verdict (wall clock, whole CLI process), median [min–max]:");
        row("reference: correctness verdict", reference.stream().map(Run::correctnessSeconds).toList());
        row("reference: full verdict", reference.stream().map(Run::wallSeconds).toList());
        row("compile error: verdict", compileError.stream().map(Run::wallSeconds).toList());
        row("starter: full verdict", starter.stream().map(Run::wallSeconds).toList());
        System.out.printf(Locale.ROOT, "  (sandboxed: %s)%n", reference.get(0).sandboxed());
        System.out.println();
        System.out.println("What the OS sandbox costs (reference solution, same runs, sandbox off vs on):");
        row("unsandboxed: correctness verdict", unsandboxed.stream().map(Run::correctnessSeconds).toList());
        row("unsandboxed: full verdict", unsandboxed.stream().map(Run::wallSeconds).toList());
        System.out.printf(Locale.ROOT, "  %-32s %+6.2f s (correctness), %+6.2f s (full verdict), medians%n",
                "sandbox overhead",
                median(reference.stream().map(Run::correctnessSeconds).toList())
                        - median(unsandboxed.stream().map(Run::correctnessSeconds).toList()),
                median(reference.stream().map(Run::wallSeconds).toList())
                        - median(unsandboxed.stream().map(Run::wallSeconds).toList()));
        System.out.println();
        System.out.println("Verdicts (every run must agree):");
        verdicts("reference", reference);
        verdicts("starter", starter);
        verdicts("compile error", compileError);
        System.out.println();
        System.out.println("Ratio submission/starter per metric, median [min–max], spread = (max-min)/median:");
        ratios("reference", reference);
        ratios("starter", starter);
    }

    private static Run grade(Path jar, Path exercise, Path submission, String sandbox)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("java", "-jar", jar.toString(), "grade", "--exercise", exercise.toString(),
                "--submission", submission.toString(), "--json", "--sandbox", sandbox).start();
        var errors = process.getErrorStream();
        byte[] output = process.getInputStream().readAllBytes();
        String progress = new String(errors.readAllBytes());
        process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        JsonNode report = output.length == 0 ? null : JSON.readTree(output);
        if (report == null || !report.path("verdict").isTextual()) {
            throw new IllegalStateException("the grader gave no report (exit code " + process.exitValue()
                    + "; is grader/target/grader.jar up to date? mvn -q package -DskipTests):\n" + progress);
        }
        double performance = 0;
        for (JsonNode stage : report.path("stages")) {
            if (stage.path("name").asText().equals("performance")) {
                performance = stage.path("millis").asLong() / 1000.0;
            }
        }
        Map<String, Double> ratios = new TreeMap<>();
        for (JsonNode metric : report.path("performance")) {
            ratios.put(metric.path("metric").asText(), metric.path("ratio").asDouble());
        }
        return new Run(report.path("verdict").asText(), report.path("sandboxed").asBoolean(), wall, wall - performance,
                ratios);
    }

    private static void row(String label, List<Double> seconds) {
        System.out.printf(Locale.ROOT, "  %-32s %6.2f s [%.2f–%.2f]%n", label, median(seconds),
                seconds.stream().mapToDouble(d -> d).min().orElse(0), seconds.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static void verdicts(String label, List<Run> runs) {
        TreeSet<String> distinct = new TreeSet<>(runs.stream().map(Run::verdict).toList());
        System.out.printf(Locale.ROOT, "  %-14s %s%s%n", label, distinct, distinct.size() == 1 ? " (identical)" : " (DIFFER)");
    }

    private static void ratios(String label, List<Run> runs) {
        for (String metric : new TreeSet<>(runs.get(0).ratios().keySet())) {
            List<Double> values = runs.stream().map(run -> run.ratios().get(metric)).filter(v -> v != null).toList();
            if (values.isEmpty()) {
                continue;
            }
            double median = median(values);
            double min = values.stream().mapToDouble(d -> d).min().orElse(0);
            double max = values.stream().mapToDouble(d -> d).max().orElse(0);
            System.out.printf(Locale.ROOT, "  %-10s %-18s %s [%s–%s] spread %.1f%%%n", label, metric,
                    Numbers.significant(median), Numbers.significant(min), Numbers.significant(max),
                    100 * (max - min) / median);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary directory.
        }
    }

    private static String firstEditable(Path exercise) throws IOException {
        for (String line : Files.readAllLines(exercise.resolve("exercise.yaml"))) {
            if (line.strip().startsWith("- src/main/java/")) {
                return line.strip().substring(2).strip();
            }
        }
        throw new IllegalStateException("no editable file in " + exercise.resolve("exercise.yaml"));
    }
}
