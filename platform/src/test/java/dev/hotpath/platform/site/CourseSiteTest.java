package dev.hotpath.platform.site;

import dev.hotpath.platform.TestCourse;
import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.render.CourseAssets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The static site is complete and self-contained: every local link and file it refers to is in it. */
class CourseSiteTest {

    @TempDir
    static Path site;

    private static Path courseMap;

    @BeforeAll
    static void render() throws Exception {
        Course course = TestCourse.load();
        courseMap = new CourseSite().write(course, site);
    }

    @Test
    void writesTheCourseMapEveryLessonTheImagesAndTheAssets() {
        assertThat(courseMap).isEqualTo(site.resolve("index.html"));
        assertThat(site.resolve("00-the-optimization-loop.html")).isRegularFile();
        assertThat(site.resolve("01-remove-repeated-work.html")).isRegularFile();
        assertThat(site.resolve("02-when-threads-wait.html")).isRegularFile();
        assertThat(site.resolve("03-the-cost-of-temporary-objects.html")).isRegularFile();
        assertThat(site.resolve("04-find-it-yourself.html")).isRegularFile();
        assertThat(site.resolve("img/cache-keys.svg")).isRegularFile();
        for (String asset : CourseAssets.names()) {
            assertThat(site.resolve("assets").resolve(asset)).isRegularFile().isNotEmptyFile();
        }
    }

    @Test
    void everyLocalLinkResolvesInsideTheSite() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Document html = Jsoup.parse(page.toFile());
            for (Element element : html.select("a[href], link[href], script[src], img[src]")) {
                String address = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (address.startsWith("https://") || address.startsWith("http://")) {
                    continue;
                }
                String problem = problem(page, address);
                if (problem != null) {
                    broken.add(page.getFileName() + ": " + address + ": " + problem);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** Works from file:// and from any folder: only relative addresses, no root-relative ones. */
    private static String problem(Path page, String address) throws IOException {
        if (address.startsWith("/") || address.contains(":")) {
            return "not relative";
        }
        int hash = address.indexOf('#');
        Path target = hash == 0 ? page : page.resolveSibling(hash < 0 ? address : address.substring(0, hash));
        if (!Files.isRegularFile(target)) {
            return "no such file";
        }
        if (hash >= 0 && Jsoup.parse(target.toFile()).getElementById(address.substring(hash + 1)) == null) {
            return "no such anchor";
        }
        return null;
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }
}
