package dev.hotpath.platform.course;

import dev.hotpath.grader.exercise.ExerciseManifest;

import java.util.List;

/**
 * An exercise as a lesson page shows it, read from the grader's manifest ({@code exercise.yaml}).
 * The commands are run from the repository root.
 *
 * @param editable the files a learner edits, relative to the repository root
 */
public record LessonExercise(String id, String title, String summary, List<String> editable) {

    public LessonExercise {
        editable = List.copyOf(editable);
    }

    static LessonExercise of(ExerciseManifest manifest) {
        String dir = "exercises/" + manifest.id() + "/";
        return new LessonExercise(manifest.id(), manifest.title(), manifest.summary(),
                manifest.editable().stream().map(file -> dir + file).toList());
    }

    /** The visible tests, for the edit-test loop. */
    public String testCommand() {
        return "mvn -q test -pl exercises/" + id;
    }

    /** Grades the working copy: visible and hidden tests, then performance against the starter; exit code 0 = PASS. */
    public String gradeCommand() {
        return "mvn -q verify -Pgrade -Dexercise=" + id;
    }
}
