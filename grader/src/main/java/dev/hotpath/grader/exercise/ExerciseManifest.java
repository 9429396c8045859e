package dev.hotpath.grader.exercise;

import java.util.List;

/**
 * The contents of an exercise's {@code exercise.yaml}. The format is documented in
 * docs/authoring-exercises.md and read by {@link ManifestReader}.
 *
 * @param editable the files a learner edits, relative to the exercise directory
 */
public record ExerciseManifest(String id, String title, String lesson, String summary, List<String> editable,
                               Limits limits, Measurement measurement, List<Metric> metrics, List<Hint> hints) {

    public ExerciseManifest {
        editable = List.copyOf(editable);
        metrics = List.copyOf(metrics);
        hints = List.copyOf(hints);
    }
}
