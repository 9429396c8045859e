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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A plausible fix that is fast but wrong, kept with the exercise as {@code traps/NAME.yaml}: the
 * starter or the reference solution with a few exact text replacements, and the tests (or metrics)
 * that must catch it. Validation grades every trap, so an exercise cannot lose one silently.
 *
 * @param base           the submission the replacements apply to
 * @param failingTests   tests that must not pass, as {@code Class#method} (simple class name)
 * @param failingMetrics metrics that must miss their threshold, for traps that are correct but slow
 */
public record Trap(String name, String description, Base base, List<Replacement> replacements,
                   List<String> failingTests, List<String> failingMetrics) {

    public enum Base { STARTER, SOLUTION }

    /** Replace the single occurrence of {@code find} in {@code file} with {@code with}. */
    public record Replacement(String file, String find, String with, int line) {
    }

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
        String source = ManifestReader.displayName(file);
        YamlMap yaml = YamlMap.parse(source, Files.readString(file, StandardCharsets.UTF_8))
                .allowOnly(List.of("description", "base", "replace", "failing-tests", "failing-metrics"));
        Base base = yaml.choice("base", List.of("starter", "solution")).equals("starter") ? Base.STARTER : Base.SOLUTION;
        List<String> editable = exercise.manifest().editable();
        List<Replacement> replacements = new ArrayList<>();
        for (YamlMap entry : yaml.maps("replace")) {
            entry.allowOnly(List.of("file", "find", "with"));
            String target = entry.has("file") ? entry.string("file") : editable.get(0);
            if (!editable.contains(target)) {
                throw entry.error("file", "\"" + target + "\" is not an editable file of the exercise");
            }
            String find = entry.string("find");
            if (find.isEmpty()) {
                throw entry.error("find", "must not be empty");
            }
            replacements.add(new Replacement(target, find, entry.has("with") ? entry.string("with") : "",
                    entry.line("find")));
        }
        if (replacements.isEmpty()) {
            throw yaml.error("replace", "a trap must change something");
        }
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
        return new Trap(name, yaml.nonBlankString("description"), base, List.copyOf(replacements), tests, metrics);
    }

    /**
     * The wrong solution: the base with the replacements applied.
     *
     * @throws InvalidSubmissionException if the base is missing or a replaced text is not found exactly once
     */
    public Submission submission(Exercise exercise) throws InvalidSubmissionException {
        Path baseDir = base == Base.STARTER ? exercise.starterDir() : exercise.solutionDir();
        Map<String, String> files = new LinkedHashMap<>(Submission.fromDirectory(exercise, baseDir).files());
        for (Replacement replacement : replacements) {
            String content = files.get(replacement.file());
            int first = content.indexOf(replacement.find());
            if (first < 0 || content.indexOf(replacement.find(), first + 1) >= 0) {
                throw new InvalidSubmissionException("trap " + name + " (line " + replacement.line() + "): the text to"
                        + " replace must occur exactly once in the " + base.name().toLowerCase() + "'s "
                        + replacement.file() + ", but occurs " + (first < 0 ? "nowhere" : "more than once"));
            }
            files.put(replacement.file(), content.substring(0, first) + replacement.with()
                    + content.substring(first + replacement.find().length()));
        }
        return Submission.of(exercise, files);
    }
}
