package dev.hotpath.platform.course;

import java.util.List;

/**
 * A self-check question of a lesson, written as a fenced {@code quiz} block of YAML.
 *
 * @param answer the right choice, 1-based as authors write it
 */
public record Quiz(String question, List<String> choices, int answer, String explanation) {

    public Quiz {
        choices = List.copyOf(choices);
    }
}
