package dev.hotpath.grader;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.SourcePatch;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Submissions kept as fixtures in {@code src/test/fixtures/submissions/*.yaml}: an exercise, a
 * {@link SourcePatch} of its starter or solution, and the verdict and reason grading must give.
 * {@code allow:} grades against a copy of the exercise whose policy allows more, to show that the
 * layers under the bytecode policy hold on their own; {@code sandboxed-only: true} marks fixtures
 * only the OS sandbox stops. {@code correctness-only: true} (with {@code verdict: PASS}) marks a
 * submission that must pass compile, policy and tests, while its measured verdict is left to the
 * machine's load (an alternative design, correct but not necessarily fast enough).
 */
record SubmissionFixtures(String name, String description, Exercise exercise, Submission submission,
                          Verdict verdict, String reason, boolean sandboxedOnly, boolean correctnessOnly) {

    static final Path DIR = Path.of("src/test/fixtures/submissions");
    static final Path EXERCISES = Path.of("../exercises");

    static List<SubmissionFixtures> all(Path scratch) throws Exception {
        List<SubmissionFixtures> fixtures = new ArrayList<>();
        Map<String, Exercise> widened = new HashMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                fixtures.add(read(file, scratch, widened));
            }
        }
        return fixtures;
    }

    private static SubmissionFixtures read(Path file, Path scratch, Map<String, Exercise> widened) throws Exception {
        List<String> keys = new ArrayList<>(SourcePatch.KEYS);
        keys.addAll(List.of("description", "exercise", "verdict", "reason", "allow", "sandboxed-only", "correctness-only"));
        YamlMap yaml = YamlMap.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).allowOnly(keys);
        Path dir = EXERCISES.resolve(yaml.string("exercise"));
        Exercise exercise = Exercise.load(dir);
        if (yaml.has("allow")) {
            List<String> allow = yaml.strings("allow");
            String key = dir + "|" + allow;
            if (!widened.containsKey(key)) {
                widened.put(key, Exercise.load(copyAllowing(dir, allow, scratch.resolve("widened-" + widened.size()))));
            }
            exercise = widened.get(key);
        }
        return new SubmissionFixtures(file.getFileName().toString().replace(".yaml", ""), yaml.string("description"),
                exercise, SourcePatch.read(yaml, exercise).apply(exercise),
                Verdict.valueOf(yaml.choice("verdict", List.of("PASS", "FAIL", "ERROR"))), yaml.string("reason"),
                yaml.has("sandboxed-only") && yaml.string("sandboxed-only").equals("true"),
                yaml.has("correctness-only") && yaml.string("correctness-only").equals("true"));
    }

    /** A copy of the exercise (build output included) whose exercise.yaml allows {@code allow} as well. */
    private static Path copyAllowing(Path exercise, List<String> allow, Path copy) throws IOException {
        Path target = copy.resolve(exercise.getFileName());
        TestFiles.copyTree(exercise, target);
        Path manifest = target.resolve("exercise.yaml");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text + "policy:\n  allow:\n" + allow.stream().map(entry -> "    - " + entry + "\n")
                .reduce("", String::concat));
        Files.setLastModifiedTime(manifest, Files.getLastModifiedTime(exercise.resolve("exercise.yaml")));
        return target;
    }
}
