package dev.hotpath.platform.course;

import java.util.List;
import java.util.stream.Collectors;

/** The course content is wrong somewhere: every problem found, each with its file and line. */
public class CourseContentException extends Exception {

    private final List<ContentProblem> problems;

    public CourseContentException(List<ContentProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the course content:"
                + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
