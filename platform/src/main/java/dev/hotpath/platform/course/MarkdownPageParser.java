package dev.hotpath.platform.course;

import dev.hotpath.grader.yaml.YamlException;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/** Parses one Markdown file of the course with commonmark-java, reporting problems with their lines. */
final class MarkdownPageParser {

    /** Source spans give every node its line, for messages that point into the file. */
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownPageParser() {
    }

    /**
     * @param markdown the file's text with any front matter blanked out, so that lines stay the file's lines
     */
    static Optional<MarkdownPage> parse(Path file, String markdown, List<ContentProblem> problems) {
        Document document = (Document) PARSER.parse(markdown);
        if (!(document.getFirstChild() instanceof Heading title) || title.getLevel() != 1) {
            problems.add(new ContentProblem(file, lineOf(document.getFirstChild()),
                    "a page must start with a level-1 heading (# Title): its title"));
            return Optional.empty();
        }
        // One generator per page, used in document order, gives the ids GitHub gives: repeated
        // headings get -1, -2, ... suffixes. Lessons link to these anchors.
        IdGenerator ids = IdGenerator.builder().build();
        Section titleSection = new Section(1, textOf(title), ids.generateId(textOf(title)));
        title.unlink();

        List<Section> headings = new ArrayList<>();
        IdentityHashMap<Heading, String> headingIds = new IdentityHashMap<>();
        List<FencedCodeBlock> quizBlocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String id = ids.generateId(textOf(heading));
                headings.add(new Section(heading.getLevel(), textOf(heading), id));
                headingIds.put(heading, id);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getInfo().strip().equals("quiz")) {
                    quizBlocks.add(block);
                }
            }
        });

        List<Quiz> quizzes = new ArrayList<>();
        for (FencedCodeBlock block : quizBlocks) {
            // The YAML starts on the line after the opening fence.
            int linesBeforeYaml = lineOf(block);
            try {
                Quiz quiz = QuizReader.read(YamlException.displayName(file), block.getLiteral(), linesBeforeYaml);
                quizzes.add(quiz);
                QuizBlock quizBlock = new QuizBlock(quiz, quizzes.size());
                quizBlock.setSourceSpans(block.getSourceSpans()); // problems with its links point at the block
                block.insertBefore(quizBlock);
                block.unlink();
            } catch (YamlException e) {
                problems.add(ContentProblem.of(file, "quiz", e));
            }
        }
        return Optional.of(new MarkdownPage(file, document, titleSection, headings, headingIds, quizzes));
    }

    /** The 1-based line a node starts on; inline nodes without a span take their block's line. */
    static int lineOf(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.getSourceSpans().isEmpty()) {
                return at.getSourceSpans().get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }

    /** A heading's text as GitHub derives anchors from it: the text of its words and code spans. */
    private static String textOf(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }
        });
        return text.toString().strip();
    }
}
