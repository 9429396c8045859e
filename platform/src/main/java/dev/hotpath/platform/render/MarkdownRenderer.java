package dev.hotpath.platform.render;

import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.LinkTarget;
import dev.hotpath.platform.course.MarkdownPage;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Map;

/**
 * Renders the body of a course page to HTML: GitHub-style heading ids, tables, fenced code with
 * {@code language-xxx} classes, interactive quizzes, and links rewritten to the addresses of
 * {@link PageLinks}. Immutable, so one instance can serve every request.
 */
public final class MarkdownRenderer {

    private final Course course;
    private final PageLinks links;

    public MarkdownRenderer(Course course, PageLinks links) {
        this.course = course;
        this.links = links;
    }

    public String render(MarkdownPage page) {
        // The attribute provider needs the page (for heading ids), so the renderer is built per page.
        return HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .attributeProviderFactory(context -> new PageAttributes(page))
                .nodeRendererFactory(QuizHtmlRenderer::new)
                .build()
                .render(page.document());
    }

    /** Gives headings their ids and points links and images at rendered pages and served files. */
    private final class PageAttributes implements AttributeProvider {

        private final MarkdownPage page;

        PageAttributes(MarkdownPage page) {
            this.page = page;
        }

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading heading) {
                attributes.put("id", page.headingId(heading));
            } else if (node instanceof Link link) {
                attributes.put("href", address(link.getDestination()));
            } else if (node instanceof Image image) {
                attributes.put("src", address(image.getDestination()));
            }
        }

        private String address(String destination) {
            LinkTarget target = LinkTarget.of(destination);
            if (target instanceof LinkTarget.Page linked) {
                // The course checked every page link, so a page that is no lesson is README.md, the course map.
                String page = course.lessonInFile(linked.file()).map(links::lesson).orElseGet(links::courseMap);
                return linked.anchor().isEmpty() ? page : page + "#" + linked.anchor();
            }
            if (target instanceof LinkTarget.CourseFile file) {
                return links.courseFile(file.path());
            }
            return destination;
        }
    }
}
