package dev.hotpath.platform.render;

import dev.hotpath.platform.course.Quiz;
import dev.hotpath.platform.course.QuizBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders a quiz as buttons that quiz.js checks in the browser. These are self-check questions, not
 * graded ones, so the right choice sits in {@code data-answer} in plain sight of anyone who reads
 * the page source; the explanation stays hidden until the reader has chosen. Choices are written in
 * source order; quiz.js shuffles them in the browser (see there why).
 */
final class QuizHtmlRenderer implements NodeRenderer {

    private final HtmlWriter html;

    QuizHtmlRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(QuizBlock.class);
    }

    @Override
    public void render(Node node) {
        QuizBlock block = (QuizBlock) node;
        Quiz quiz = block.quiz();
        html.line();
        html.tag("section", attributes("class", "quiz", "data-answer", String.valueOf(quiz.answer()),
                "aria-label", "Question " + block.number()));
        html.tag("p", attributes("class", "quiz-question"));
        html.tag("span", attributes("class", "quiz-number"));
        html.text("Question " + block.number());
        html.tag("/span");
        html.text(quiz.question());
        html.tag("/p");
        if (!quiz.artifact().isEmpty()) {
            html.tag("pre", attributes("class", "quiz-artifact"));
            html.tag("code", attributes("class", "language-text"));
            html.text(quiz.artifact());
            html.tag("/code");
            html.tag("/pre");
        }
        html.tag("ol", attributes("class", "quiz-choices"));
        for (int i = 0; i < quiz.choices().size(); i++) {
            html.tag("li");
            html.tag("button", attributes("type", "button", "class", "quiz-choice", "data-choice", String.valueOf(i + 1)));
            html.text(quiz.choices().get(i));
            html.tag("/button");
            html.tag("/li");
        }
        html.tag("/ol");
        html.tag("div", attributes("class", "quiz-feedback", "role", "status", "hidden", ""));
        html.tag("p", attributes("class", "quiz-verdict"));
        html.tag("/p");
        html.tag("p", attributes("class", "quiz-explanation"));
        html.text(quiz.explanation());
        html.tag("/p");
        html.tag("/div");
        html.tag("/section");
        html.line();
    }

    /** Attributes in the order given, so the HTML is stable from one render to the next. */
    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }
}
