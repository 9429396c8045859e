package dev.hotpath.platform.course;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks every link and image of every page: pages and anchors must exist, and so must files. */
final class LinkChecker {

    private final Path lessonsDir;
    private final Map<String, MarkdownPage> pagesByFile;
    private final List<ContentProblem> problems;
    private final Set<String> files = new TreeSet<>();

    private LinkChecker(Path lessonsDir, Map<String, MarkdownPage> pagesByFile, List<ContentProblem> problems) {
        this.lessonsDir = lessonsDir;
        this.pagesByFile = pagesByFile;
        this.problems = problems;
    }

    /**
     * Checks every link of the course's pages, adding a problem for each that leads nowhere.
     *
     * @param pagesByFile every page of the course by file name, e.g. {@code README.md}
     * @return the files the pages refer to, relative to {@code lessonsDir}
     */
    static Set<String> check(Path lessonsDir, Map<String, MarkdownPage> pagesByFile, List<ContentProblem> problems) {
        LinkChecker checker = new LinkChecker(lessonsDir, pagesByFile, problems);
        pagesByFile.values().forEach(checker::check);
        return checker.files;
    }

    private void check(MarkdownPage page) {
        page.document().accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                check(page, link, "link", link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                check(page, image, "image", image.getDestination());
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof QuizBlock quiz) {
                    quiz.quiz().covers().forEach(section -> check(page, quiz, "quiz covers", section));
                }
                visitChildren(block);
            }
        });
    }

    private void check(MarkdownPage page, Node node, String kind, String destination) {
        LinkTarget target = LinkTarget.of(destination);
        String problem = null;
        if (target instanceof LinkTarget.SamePage samePage && !page.anchors().contains(samePage.anchor())) {
            problem = "this page has no heading with the anchor \"" + samePage.anchor() + "\"";
        } else if (target instanceof LinkTarget.Page linked) {
            problem = pageProblem(linked);
        } else if (target instanceof LinkTarget.CourseFile file) {
            problem = fileProblem(file.path());
        }
        if (problem != null) {
            problems.add(new ContentProblem(page.file(), MarkdownPageParser.lineOf(node),
                    kind + " " + destination + ": " + problem));
        }
    }

    private @Nullable String pageProblem(LinkTarget.Page target) {
        MarkdownPage linked = pagesByFile.get(target.file());
        if (linked == null) {
            return "no such page in " + lessonsDir.getFileName() + "/";
        }
        if (!target.anchor().isEmpty() && !linked.anchors().contains(target.anchor())) {
            return target.file() + " has no heading with the anchor \"" + target.anchor() + "\"";
        }
        return null;
    }

    private @Nullable String fileProblem(String path) {
        Path file = lessonsDir.resolve(path).normalize();
        if (!file.startsWith(lessonsDir) || !Files.isRegularFile(file)) {
            return "no such file in " + lessonsDir.getFileName() + "/";
        }
        files.add(lessonsDir.relativize(file).toString().replace('\\', '/'));
        return null;
    }
}
