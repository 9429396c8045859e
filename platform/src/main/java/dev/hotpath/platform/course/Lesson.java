package dev.hotpath.platform.course;

import java.util.List;

/** A lesson: its front matter, its exercises resolved through the grader's manifests, and its page. */
public record Lesson(String id, String title, int order, int estimatedMinutes, List<LessonExercise> exercises,
                     MarkdownPage page) {

    public Lesson {
        exercises = List.copyOf(exercises);
    }

    public List<Quiz> quizzes() {
        return page.quizzes();
    }
}
