package dev.hotpath.platform.course;

import org.commonmark.node.CustomBlock;

/** Stands in a parsed page where a {@code quiz} code block was, so renderers see a quiz, not code. */
public final class QuizBlock extends CustomBlock {

    private final Quiz quiz;
    private final int number;

    QuizBlock(Quiz quiz, int number) {
        this.quiz = quiz;
        this.number = number;
    }

    public Quiz quiz() {
        return quiz;
    }

    /** 1-based position among the quizzes of its page. */
    public int number() {
        return number;
    }
}
