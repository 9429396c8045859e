import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotpath.grader.report.Numbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether verdicts hold on a busy machine. For each exercise it grades four subjects through the CLI:
 * the starter as a submission (A/A: no timing metric may ever clear), the reference (must never FAIL),
 * and the reference slowed by a calibrated amount of extra work to just above and just below the
 * throughput threshold (above must never FAIL, below must never PASS). Each under four conditions:
 * quiet; two steady busy loops; two busy loops pulsing 1.5 s on / 1.5 s off; another grading running
 * at the same time. Subjects and conditions are interleaved run by run. Prints, per cell, the verdict
 * counts, false verdicts, the median width of the timing metric's interval and the median grading time.
 */
public class VerdictStability {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Extra work per operation that puts the reference just above / just below its throughput threshold
     * on a 2-core machine: iterations of a dependent multiply-add chain, inserted at the start of the
     * hot method. Calibrated with this bench's quiet rows (docs/measurement.md).
     */
    record Calibration(String file, String anchor, int above, int below) {
    }

    private static final Map<String, Calibration> CALIBRATIONS = Map.of(
            "cache-key-explosion", new Calibration("src/main/java/dev/hotpath/cachekey/PageCache.java",
                    "    public Page get(String url) {\n", 5_300, 12_400),
            "serializer-churn", new Calibration("src/main/java/dev/hotpath/serializer/OrderJsonWriter.java",
                    "    public ByteBuffer serialize(Order order) {\n", 5_300, 8_700));
    // hot-lock has none: extra work in process() also makes its workers wait, so its deterministic
    // waited-time counter fails before the throughput threshold is reached (docs/measurement.md).

    enum Condition { QUIET, STEADY, PULSE, GRADING }

    record Run(String verdict, double seconds, double width, boolean timingCleared, String timing) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path jar = Path.of("grader/target/grader.jar");
        for (int a = 1; a < args.length; a++) {
            Path exercise = Path.of(args[a]);
            Map<String, Path> subjects = subjects(exercise);
            Map<String, List<Run>> cells = new LinkedHashMap<>();
            System.out.printf(Locale.ROOT, "%s: %d runs per cell, %d cores%n", exercise, runs,
                    Runtime.getRuntime().availableProcessors());
            for (int i = 1; i <= runs; i++) {
                for (Condition condition : Condition.values()) {
                    try (Interference ignored = Interference.start(condition, jar, exercise)) {
                        for (var subject : subjects.entrySet()) {
                            Run run = grade(jar, exercise, subject.getValue());
                            cells.computeIfAbsent(subject.getKey() + " / " + condition.name().toLowerCase(Locale.ROOT),
                                    k -> new ArrayList<>()).add(run);
                            System.out.printf(Locale.ROOT, "  run %d %-8s %-10s %-12s %5.1f s  %s%n", i,
                                    condition, subject.getKey(), run.verdict(), run.seconds(), run.timing());
                        }
                    }
                }
            }
            print(cells);
        }
    }

    private static void print(Map<String, List<Run>> cells) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %5s %5s %5s %6s %12s %10s%n", "subject / condition", "PASS", "FAIL",
                "INC", "false", "width (med)", "time (med)");
        int falseTotal = 0;
        for (var cell : cells.entrySet()) {
            List<Run> runs = cell.getValue();
            String subject = cell.getKey().substring(0, cell.getKey().indexOf(' '));
            long falseVerdicts = runs.stream().filter(run -> switch (subject) {
                case "a/a" -> run.timingCleared();
                case "reference", "above" -> run.verdict().equals("FAIL");
                case "below" -> run.verdict().equals("PASS");
                default -> false;
            }).count();
            falseTotal += (int) falseVerdicts;
            System.out.printf(Locale.ROOT, "%-24s %5d %5d %5d %6d %12s %9.1fs%n", cell.getKey(),
                    count(runs, "PASS"), count(runs, "FAIL"), count(runs, "INCONCLUSIVE"), falseVerdicts,
                    Numbers.significant(median(runs.stream().map(Run::width).toList())),
                    median(runs.stream().map(Run::seconds).toList()));
        }
        System.out.printf(Locale.ROOT, "false verdicts in all: %d%n%n", falseTotal);
    }

    private static long count(List<Run> runs, String verdict) {
        return runs.stream().filter(run -> run.verdict().equals(verdict)).count();
    }

    /** The starter, the reference, and the calibrated just-above and just-below copies of the reference. */
    private static Map<String, Path> subjects(Path exercise) throws IOException {
        Map<String, Path> subjects = new LinkedHashMap<>();
        subjects.put("a/a", exercise.resolve("starter"));
        subjects.put("reference", exercise.resolve("solution"));
        Calibration calibration = CALIBRATIONS.get(exercise.getFileName().toString());
        if (calibration != null) {
            subjects.put("above", slowed(exercise, calibration, calibration.above()));
            subjects.put("below", slowed(exercise, calibration, calibration.below()));
        }
        return subjects;
    }

    private static Path slowed(Path exercise, Calibration calibration, int iterations) throws IOException {
        String source = Files.readString(exercise.resolve("solution").resolve(calibration.file()));
        if (!source.contains(calibration.anchor())) {
            throw new IllegalStateException(calibration.file() + " no longer contains: " + calibration.anchor().strip());
        }
        String extra = "    private long benchSink;\n\n"
                + "    private void extraWork() {\n"
                + "        long x = benchSink;\n"
                + "        for (int i = 0; i < " + iterations + "; i++) {\n"
                + "            x = x * 6364136223846793005L + 1442695040888963407L;\n"
                + "        }\n"
                + "        benchSink = x;\n"
                + "    }\n\n";
        String slowed = source.replace(calibration.anchor(), extra + calibration.anchor() + "        extraWork();\n");
        Path dir = Files.createTempDirectory("hotpath-bench-slowed-");
        Path file = dir.resolve(calibration.file());
        Files.createDirectories(file.getParent());
        Files.writeString(file, slowed);
        return dir;
    }

    private static Run grade(Path jar, Path exercise, Path submission) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("java", "-jar", jar.toString(), "grade", "--exercise", exercise.toString(),
                "--submission", submission.toString(), "--json").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode report = output.length == 0 ? null : JSON.readTree(output);
        if (report == null || !report.path("verdict").isTextual()) {
            throw new IllegalStateException("the grader gave no report (exit code " + process.exitValue() + ")");
        }
        double width = 0;
        boolean timingCleared = false;
        StringBuilder timing = new StringBuilder();
        for (JsonNode metric : report.path("performance")) {
            if (metric.path("confidence").asDouble() < 1) {
                width = Math.max(width, metric.path("ratioHigh").asDouble() / metric.path("ratioLow").asDouble());
                timingCleared |= metric.path("outcome").asText().equals("CLEARED");
                timing.append(String.format(Locale.ROOT, "%s %s× [%s–%s] %s, %d pairs; ", metric.path("metric").asText(),
                        Numbers.significant(metric.path("ratio").asDouble()),
                        Numbers.significant(metric.path("ratioLow").asDouble()),
                        Numbers.significant(metric.path("ratioHigh").asDouble()), metric.path("outcome").asText(),
                        metric.path("submissionSamples").size()));
            }
        }
        return new Run(report.path("verdict").asText(), seconds, width, timingCleared, timing.toString());
    }

    /** Load beside the gradings: busy threads in this JVM, or another grader process grading in a loop. */
    private static final class Interference implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private volatile Process other;

        static Interference start(Condition condition, Path jar, Path exercise) {
            Interference interference = new Interference();
            switch (condition) {
                case QUIET -> {
                }
                case STEADY -> interference.busyLoops(false);
                case PULSE -> interference.busyLoops(true);
                case GRADING -> interference.otherGradings(jar, exercise);
            }
            return interference;
        }

        private void busyLoops(boolean pulsing) {
            long start = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                daemon(() -> {
                    long x = 0;
                    while (running.get()) {
                        boolean on = !pulsing || ((System.nanoTime() - start) / 1_500_000_000L) % 2 == 0;
                        if (on) {
                            for (int j = 0; j < 1_000_000; j++) {
                                x = x * 31 + j;
                            }
                        } else {
                            sleep(10);
                        }
                    }
                    return x;
                });
            }
        }

        private void otherGradings(Path jar, Path exercise) {
            daemon(() -> {
                while (running.get()) {
                    other = new ProcessBuilder("java", "-jar", jar.toString(), "grade", "--exercise", exercise.toString(),
                            "--submission", exercise.resolve("starter").toString(), "--json")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    other.waitFor();
                }
                return 0L;
            });
        }

        private interface Work {
            long run() throws Exception;
        }

        private void daemon(Work work) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            Process process = other;
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
