package dev.hotpath.platform.web;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.grading.ExerciseCatalog;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each exercise's statement: its README.md as HTML, rendered once at start. The exercise page shows
 * the title itself, so the README's own {@code #} heading is left out. Links to lessons point at the
 * lesson pages; other relative links (files of the repository) have no page here and become plain
 * text. Raw HTML in the Markdown is escaped.
 */
final class ExerciseStatements {

    private static final String README = "README.md";
    private static final Pattern LESSON_LINK = Pattern.compile("(?:\\.\\./)*lessons/([^/#]+\\.md)(#.*)?");

    private final Map<String, String> statements = new HashMap<>();

    ExerciseStatements(ExerciseCatalog catalog, Course course, WebLinks links) {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
                .escapeHtml(true).sanitizeUrls(true).build();
        for (ExerciseCatalog.Entry entry : catalog.all()) {
            Path readme = entry.exercise().dir().resolve(README);
            Node document = parser.parse(read(readme));
            document.accept(new Adapter(course, links));
            statements.put(entry.exercise().id(), renderer.render(document));
        }
    }

    String html(String exerciseId) {
        return statements.getOrDefault(exerciseId, "");
    }

    private static String read(Path readme) {
        try {
            return Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
    }

    /** Drops the title heading, points lesson links at lesson pages, unlinks other relative links. */
    private static final class Adapter extends AbstractVisitor {

        private final Course course;
        private final WebLinks links;
        private final List<Link> toUnlink = new ArrayList<>();
        private boolean titleDropped;

        Adapter(Course course, WebLinks links) {
            this.course = course;
            this.links = links;
        }

        @Override
        public void visit(org.commonmark.node.Document document) {
            visitChildren(document);
            toUnlink.forEach(Adapter::unlink);
        }

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() == 1 && !titleDropped) {
                titleDropped = true;
                heading.unlink();
                return;
            }
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            Optional<String> lesson = lessonAddress(destination);
            if (lesson.isPresent()) {
                link.setDestination(lesson.get());
            } else if (!destination.startsWith("https://") && !destination.startsWith("http://")
                    && !destination.startsWith("#")) {
                toUnlink.add(link);
            }
            visitChildren(link);
        }

        private Optional<String> lessonAddress(String destination) {
            Matcher matcher = LESSON_LINK.matcher(destination);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            String anchor = matcher.group(2) == null ? "" : matcher.group(2);
            return course.lessonInFile(matcher.group(1)).map(lesson -> links.lesson(lesson) + anchor);
        }

        private static void unlink(Link link) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }
}
