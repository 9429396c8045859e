package dev.hotpath.platform.course;

import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the YAML of a {@code quiz} block: question, choices (2 to 5, distinct), answer and explanation,
 * optionally an artifact shown verbatim and the sections the question covers.
 */
final class QuizReader {

    private static final List<String> KEYS = List.of("question", "artifact", "choices", "answer", "explanation", "covers");

    private QuizReader() {
    }

    /**
     * @param lineOffset lines of the file before the YAML, so errors point at the file's own lines
     */
    static Quiz read(String source, String yaml, int lineOffset) throws YamlException {
        YamlMap quiz = YamlMap.parse(source, yaml, lineOffset).allowOnly(KEYS);
        String question = quiz.nonBlankString("question");
        List<String> choices = quiz.strings("choices");
        if (choices.size() < 2 || choices.size() > 5) {
            throw quiz.error("choices", "must list 2 to 5 choices, got " + choices.size());
        }
        Set<String> seen = new HashSet<>();
        for (String choice : choices) {
            if (choice.isEmpty()) {
                throw quiz.error("choices", "a choice is empty");
            }
            if (!seen.add(choice)) {
                throw quiz.error("choices", "\"" + choice + "\" is listed twice");
            }
        }
        if (!quiz.has("answer")) {
            throw quiz.error("answer", "is missing: give the number of the right choice, 1 to " + choices.size());
        }
        int answer = quiz.integer("answer", 0, 1, choices.size());
        String artifact = quiz.has("artifact") ? quiz.nonBlankString("artifact").stripTrailing() : "";
        List<String> covers = quiz.has("covers") ? quiz.strings("covers") : List.of();
        for (String section : covers) {
            LinkTarget target = LinkTarget.of(section);
            boolean isSection = (target instanceof LinkTarget.SamePage same && !same.anchor().isEmpty())
                    || (target instanceof LinkTarget.Page page && !page.anchor().isEmpty());
            if (!isSection) {
                throw quiz.error("covers", "\"" + section + "\" is not a section: write #anchor or page.md#anchor");
            }
        }
        return new Quiz(question, artifact, choices, answer, quiz.nonBlankString("explanation"), covers);
    }
}
