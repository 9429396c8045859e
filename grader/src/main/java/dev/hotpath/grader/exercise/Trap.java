package dev.hotpath.grader.exercise;

import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A plausible fix that is fast but wrong, kept with the exercise as {@code traps/NAME.yaml}: a
 * {@link SourcePatch} of the starter or the reference solution, and the tests (or metrics) that must
 * catch it. Validation grades every trap, so an exercise cannot lose one silently.
 *
 * @param failingTests   tests that must not pass, as {@code Class#method} (simple class name)
 * @param failingMetrics metrics that must miss their threshold, for traps that are correct but slow
 */
public record Trap(String name, String description, SourcePatch patch, List<String> failingTests,
                   List<String> failingMetrics) {

    /** Every trap of {@code exercise}, in name order. */
    public static List<Trap> readAll(Exercise exercise) throws YamlException, IOException {
        if (!Files.isDirectory(exercise.trapsDir())) {
            return List.of();
        }
        List<Trap> traps = new ArrayList<>();
        try (Stream<Path> files = Files.list(exercise.trapsDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                traps.add(read(exercise, file));
            }
        }
        return traps;
    }

    static Trap read(Exercise exercise, Path file) throws YamlException, IOException {
        String source = YamlException.displayName(file);
        List<String> keys = new ArrayList<>(SourcePatch.KEYS);
        keys.addAll(List.of("description", "failing-tests", "failing-metrics"));
        YamlMap yaml = YamlMap.parse(source, Files.readString(file, StandardCharsets.UTF_8)).allowOnly(keys);
        SourcePatch patch = SourcePatch.read(yaml, exercise);
        List<String> tests = yaml.has("failing-tests") ? yaml.strings("failing-tests") : List.of();
        List<String> metrics = yaml.has("failing-metrics") ? yaml.strings("failing-metrics") : List.of();
        if (tests.isEmpty() && metrics.isEmpty()) {
            throw yaml.error("failing-tests", "a trap must name the tests (or metrics) that catch it");
        }
        for (String test : tests) {
            if (!test.matches("[\\w$]+#[\\w$]+")) {
                throw yaml.error("failing-tests", "expected Class#method, got \"" + test + "\"");
            }
        }
        for (String metric : metrics) {
            if (exercise.manifest().metrics().stream().noneMatch(m -> m.name().equals(metric))) {
                throw yaml.error("failing-metrics", "the exercise has no metric \"" + metric + "\"");
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        return new Trap(name, yaml.nonBlankString("description"), patch, tests, metrics);
    }

    /** The wrong solution to grade. */
    public Submission submission(Exercise exercise) throws InvalidSubmissionException {
        try {
            return patch.apply(exercise);
        } catch (InvalidSubmissionException e) {
            throw new InvalidSubmissionException("trap " + name + ", " + e.getMessage());
        }
    }
}
