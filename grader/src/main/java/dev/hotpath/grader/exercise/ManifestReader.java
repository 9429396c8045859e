package dev.hotpath.grader.exercise;

import dev.hotpath.grader.report.Direction;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks {@code exercise.yaml}; every problem names the file, line, field and reason. */
public final class ManifestReader {

    public static final String FILE_NAME = "exercise.yaml";

    /** What an exercise's, a lesson's or a metric's id looks like: lower-case words joined by dashes. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CLASS_NAME = Pattern.compile("([a-zA-Z_$][\\w$]*\\.)+[a-zA-Z_$][\\w$]*");
    private static final Pattern ALLOW_ENTRY = Pattern.compile("[a-z][\\w$]*(\\.[\\w$]+)*(#[\\w$<>]+)?");
    private static final List<String> DIRECTIONS = Arrays.stream(Direction.values()).map(Direction::id).toList();

    private ManifestReader() {
    }

    /** Reads {@code <exerciseDir>/exercise.yaml}. */
    public static ExerciseManifest read(Path exerciseDir) throws YamlException {
        Path file = exerciseDir.resolve(FILE_NAME);
        String source = YamlException.displayName(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new YamlException(source, 0, "", "cannot be read (" + e + ")");
        }
        return read(exerciseDir, source, text);
    }

    static ExerciseManifest read(Path exerciseDir, String source, String text) throws YamlException {
        YamlMap yaml = YamlMap.parse(source, text).allowOnly(List.of(
                "id", "title", "lesson", "summary", "editable", "limits", "measurement", "metrics", "hints", "policy"));

        String id = yaml.string("id");
        if (!ID.matcher(id).matches()) {
            throw yaml.error("id", "must be lower-case words joined by dashes, got \"" + id + "\"");
        }
        Path dirName = exerciseDir.toAbsolutePath().normalize().getFileName();
        if (dirName != null && !dirName.toString().equals(id)) {
            throw yaml.error("id", "must match the exercise's directory name \"" + dirName + "\", got \"" + id + "\"");
        }
        return new ExerciseManifest(
                id,
                yaml.nonBlankString("title"),
                yaml.nonBlankString("lesson"),
                yaml.nonBlankString("summary"),
                editable(yaml, exerciseDir),
                limits(yaml),
                measurement(yaml),
                metrics(yaml),
                hints(yaml),
                allow(yaml));
    }

    private static List<String> allow(YamlMap yaml) throws YamlException {
        var section = yaml.optionalMap("policy");
        if (section.isEmpty()) {
            return List.of();
        }
        YamlMap policy = section.get().allowOnly(List.of("allow"));
        List<String> entries = policy.strings("allow");
        for (String entry : entries) {
            if (!ALLOW_ENTRY.matcher(entry).matches()) {
                throw policy.error("allow", "\"" + entry + "\" is not a package, class or Class#member"
                        + " (e.g. java.util.concurrent.locks or java.lang.Thread#getName)");
            }
        }
        return entries;
    }

    private static List<String> editable(YamlMap yaml, Path exerciseDir) throws YamlException {
        List<String> files = yaml.strings("editable");
        if (files.isEmpty()) {
            throw yaml.error("editable", "must name at least one file");
        }
        for (String file : files) {
            if (!file.startsWith("src/main/java/") || !file.endsWith(".java") || file.contains("..")) {
                throw yaml.error("editable", "\"" + file + "\" must be a .java file under src/main/java/");
            }
            if (!Files.isRegularFile(exerciseDir.resolve(file))) {
                throw yaml.error("editable", "\"" + file + "\" does not exist in " + YamlException.displayName(exerciseDir));
            }
        }
        if (new HashSet<>(files).size() != files.size()) {
            throw yaml.error("editable", "names a file twice");
        }
        return files;
    }

    private static Limits limits(YamlMap yaml) throws YamlException {
        var section = yaml.optionalMap("limits");
        if (section.isEmpty()) {
            return Limits.DEFAULT;
        }
        YamlMap limits = section.get().allowOnly(List.of("test-seconds", "run-seconds", "heap-mb"));
        Limits defaults = Limits.DEFAULT;
        int testSeconds = limits.integer("test-seconds", defaults.testSeconds(), 1, 300);
        int runSeconds = limits.integer("run-seconds", defaults.runSeconds(), 1, 1800);
        if (runSeconds < testSeconds) {
            throw limits.error("run-seconds", "must be at least test-seconds (" + testSeconds + ")");
        }
        return new Limits(testSeconds, runSeconds, limits.integer("heap-mb", defaults.heapMegabytes(), 32, 4096));
    }

    private static Measurement measurement(YamlMap yaml) throws YamlException {
        var section = yaml.optionalMap("measurement");
        if (section.isEmpty()) {
            return Measurement.DEFAULT;
        }
        YamlMap m = section.get().allowOnly(List.of("warmup-slices", "slice-ms", "pairs", "max-rounds", "clock"));
        Measurement defaults = Measurement.DEFAULT;
        return new Measurement(
                m.integer("warmup-slices", defaults.warmupSlices(), 0, 100),
                m.integer("slice-ms", defaults.sliceMillis(), 10, 2_000),
                // fewer than 8 pairs per round cannot decide at 95 % over several rounds
                m.integer("pairs", defaults.pairs(), 8, 100),
                m.integer("max-rounds", defaults.maxRounds(), 1, 10),
                clock(m, defaults.clock()));
    }

    private static Measurement.Clock clock(YamlMap m, Measurement.Clock fallback) throws YamlException {
        String value = m.optionalString("clock").orElse(fallback.name().toLowerCase(Locale.ROOT));
        return switch (value) {
            case "wall" -> Measurement.Clock.WALL;
            case "cpu" -> Measurement.Clock.CPU;
            default -> throw m.error("clock", "must be wall or cpu, got " + value);
        };
    }

    private static List<Metric> metrics(YamlMap yaml) throws YamlException {
        List<Metric> metrics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<YamlMap> entries = yaml.maps("metrics");
        if (entries.isEmpty()) {
            throw yaml.error("metrics", "must list at least one metric");
        }
        for (YamlMap entry : entries) {
            entry.allowOnly(List.of("name", "description", "counter", "benchmark", "unit", "direction", "threshold",
                    "diagnostic", "timing"));
            String name = entry.string("name");
            if (!ID.matcher(name).matches()) {
                throw entry.error("name", "must be lower-case words joined by dashes, got \"" + name + "\"");
            }
            if (!names.add(name)) {
                throw entry.error("name", "another metric is already called \"" + name + "\"");
            }
            if (entry.has("counter") == entry.has("benchmark")) {
                throw entry.error("counter", "a metric needs exactly one of 'counter' (a LongSupplier class)"
                        + " or 'benchmark' (a JMH benchmark method)");
            }
            Metric.Kind kind = entry.has("benchmark") ? Metric.Kind.BENCHMARK
                    : entry.has("timing") && entry.choice("timing", List.of("true", "false")).equals("true")
                    ? Metric.Kind.TIMED_COUNTER : Metric.Kind.COUNTER;
            if (kind == Metric.Kind.BENCHMARK && entry.has("timing")) {
                throw entry.error("timing", "only a counter metric can be marked a timing: a benchmark is always"
                        + " measured in pairs");
            }
            String targetKey = kind.counts() ? "counter" : "benchmark";
            String target = entry.string(targetKey);
            if (!CLASS_NAME.matcher(target).matches()) {
                throw entry.error(targetKey, "expected a fully qualified "
                        + (kind.counts() ? "class" : "method") + " name, got \"" + target + "\"");
            }
            Direction direction = Direction.byId(entry.choice("direction", DIRECTIONS)).orElseThrow();
            double threshold = entry.number("threshold");
            if (direction == Direction.LOWER && !(threshold > 0 && threshold < 1)) {
                throw entry.error("threshold", "for direction 'lower' the ratio bound must be between 0 and 1"
                        + " (0.5 means half the starter's value), got " + threshold);
            }
            if (direction == Direction.HIGHER && !(threshold > 1)) {
                throw entry.error("threshold", "for direction 'higher' the ratio bound must be above 1"
                        + " (2 means twice the starter's value), got " + threshold);
            }
            Optional<String> diagnostic = Optional.empty();
            if (entry.has("diagnostic")) {
                if (!kind.counts()) {
                    throw entry.error("diagnostic", "only a counter metric can have a diagnostic: it runs after the"
                            + " counter, in the same JVM");
                }
                diagnostic = Optional.of(entry.string("diagnostic"));
                if (!CLASS_NAME.matcher(diagnostic.get()).matches()) {
                    throw entry.error("diagnostic", "expected a fully qualified class name (a Supplier<String>), got \""
                            + diagnostic.get() + "\"");
                }
            }
            metrics.add(new Metric(name, entry.nonBlankString("description"), kind, target,
                    entry.nonBlankString("unit"), direction, threshold, diagnostic));
        }
        return metrics;
    }

    private static List<Hint> hints(YamlMap yaml) throws YamlException {
        if (!yaml.has("hints")) {
            return List.of();
        }
        List<Hint> hints = new ArrayList<>();
        for (YamlMap entry : yaml.maps("hints")) {
            entry.allowOnly(List.of("tests", "text"));
            List<String> tests = entry.has("tests") ? entry.strings("tests") : List.of();
            hints.add(new Hint(tests, entry.nonBlankString("text")));
        }
        return hints;
    }

}
