package dev.hotpath.grader.exercise;

import java.util.List;

/**
 * The contents of an exercise's {@code exercise.yaml}. The format is documented in
 * docs/authoring-exercises.md and read by {@link ManifestReader}.
 *
 * @param editable the files a learner edits, relative to the exercise directory
 * @param allow    what graded code may use beyond the default bytecode policy: packages
 *                 ({@code java.util.concurrent.locks}), classes or members ({@code java.lang.Thread#getName})
 */
public record ExerciseManifest(String id, String title, String lesson, String summary, List<String> editable,
                               Limits limits, Measurement measurement, List<Metric> metrics, List<Hint> hints,
                               List<String> allow) {

    public ExerciseManifest {
        editable = List.copyOf(editable);
        metrics = List.copyOf(metrics);
        hints = List.copyOf(hints);
        allow = List.copyOf(allow);
    }
}
