package dev.hotpath.platform.course;

import org.commonmark.node.Document;
import org.commonmark.node.Heading;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Markdown file of the course, parsed and checked. Its leading level-1 heading is taken out of the
 * document as the {@link #title()}, so that page layouts can place it; quiz blocks are replaced by
 * {@link QuizBlock}s. The document is shared by every render: treat it as read-only.
 */
public final class MarkdownPage {

    private final Path file;
    private final Document document;
    private final Section title;
    private final List<Section> headings;
    private final IdentityHashMap<Heading, String> headingIds;
    private final List<Quiz> quizzes;

    MarkdownPage(Path file, Document document, Section title, List<Section> headings,
                 IdentityHashMap<Heading, String> headingIds, List<Quiz> quizzes) {
        this.file = file;
        this.document = document;
        this.title = title;
        this.headings = List.copyOf(headings);
        this.headingIds = new IdentityHashMap<>(headingIds);
        this.quizzes = List.copyOf(quizzes);
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public Document document() {
        return document;
    }

    /** The text of the page's level-1 heading. */
    public String title() {
        return title.title();
    }

    /** The anchor the page's title would have on GitHub; page layouts give it to their {@code h1}. */
    public String titleAnchor() {
        return title.anchor();
    }

    /** The level-2 headings, in order: what a table of contents lists. */
    public List<Section> sections() {
        return headings.stream().filter(heading -> heading.level() == 2).toList();
    }

    /** Every anchor a link may point at: the title's and every heading's. */
    public Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        anchors.add(title.anchor());
        headings.forEach(heading -> anchors.add(heading.anchor()));
        return anchors;
    }

    /** The GitHub-style id of a heading of this page's document; null for a heading of another document. */
    public @Nullable String headingId(Heading heading) {
        return headingIds.get(heading);
    }

    public List<Quiz> quizzes() {
        return quizzes;
    }
}
