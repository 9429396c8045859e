package dev.hotpath.grader;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.SourcePatch;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Submissions kept as fixtures in {@code src/test/fixtures/submissions/*.yaml}: an exercise, a
 * {@link SourcePatch} of its starter or solution, and the verdict and reason grading must give.
 */
record SubmissionFixtures(String name, String description, Exercise exercise, Submission submission,
                          Verdict verdict, String reason) {

    static final Path DIR = Path.of("src/test/fixtures/submissions");
    static final Path EXERCISES = Path.of("../exercises");

    static List<SubmissionFixtures> all() throws Exception {
        List<SubmissionFixtures> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                fixtures.add(read(file));
            }
        }
        return fixtures;
    }

    private static SubmissionFixtures read(Path file) throws Exception {
        List<String> keys = new ArrayList<>(SourcePatch.KEYS);
        keys.addAll(List.of("description", "exercise", "verdict", "reason"));
        YamlMap yaml = YamlMap.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).allowOnly(keys);
        Exercise exercise = Exercise.load(EXERCISES.resolve(yaml.string("exercise")));
        return new SubmissionFixtures(file.getFileName().toString().replace(".yaml", ""), yaml.string("description"),
                exercise, SourcePatch.read(yaml, exercise).apply(exercise),
                Verdict.valueOf(yaml.choice("verdict", List.of("PASS", "FAIL", "ERROR"))), yaml.string("reason"));
    }
}
