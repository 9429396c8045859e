package dev.hotpath.platform.course;

import java.util.List;

/**
 * A self-check question of a lesson, written as a fenced {@code quiz} block of YAML.
 *
 * @param artifact what the question shows, verbatim (a JMH table, a thread dump excerpt, a log line); empty for none
 * @param answer   the right choice, 1-based as authors write it
 * @param covers   the sections the question checks, as link destinations ({@code #anchor} on its own page,
 *                 {@code 00-the-optimization-loop.md#anchor} elsewhere); the concept map's quiz claims rest on these
 */
public record Quiz(String question, String artifact, List<String> choices, int answer, String explanation,
                   List<String> covers) {

    public Quiz {
        choices = List.copyOf(choices);
        covers = List.copyOf(covers);
    }
}
