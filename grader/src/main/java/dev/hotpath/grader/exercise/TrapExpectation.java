package dev.hotpath.grader.exercise;

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
 * A known-wrong solution kept with the exercise ({@code traps/NAME/}) and what grading it must
 * give: a FAIL, and which tests must catch it, so an exercise cannot lose a trap silently.
 *
 * @param dir          the submission directory (editable files at their relative paths)
 * @param description  the plausible mistake, in a sentence
 * @param failingTests tests that must not pass, as {@code Class#method} (simple class name)
 * @param failingMetrics metrics that must miss their threshold (for traps that are correct but slow)
 */
public record TrapExpectation(String name, Path dir, String description, List<String> failingTests,
                              List<String> failingMetrics) {

    public static final String FILE_NAME = "expect.yaml";

    /** Every trap of {@code exercise}, in name order. */
    public static List<TrapExpectation> readAll(Exercise exercise) throws YamlException, IOException {
        if (!Files.isDirectory(exercise.trapsDir())) {
            return List.of();
        }
        List<TrapExpectation> traps = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(exercise.trapsDir())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                traps.add(read(dir));
            }
        }
        return traps;
    }

    static TrapExpectation read(Path dir) throws YamlException, IOException {
        Path file = dir.resolve(FILE_NAME);
        String source = ManifestReader.displayName(file);
        if (!Files.isRegularFile(file)) {
            throw new YamlException(source, 0, "", "is missing: every trap says what must catch it");
        }
        YamlMap yaml = YamlMap.parse(source, Files.readString(file, StandardCharsets.UTF_8))
                .allowOnly(List.of("description", "failing-tests", "failing-metrics"));
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
        return new TrapExpectation(dir.getFileName().toString(), dir, yaml.nonBlankString("description"), tests, metrics);
    }
}
