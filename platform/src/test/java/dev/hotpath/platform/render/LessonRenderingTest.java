package dev.hotpath.platform.render;

import dev.hotpath.platform.TestCourse;
import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.CourseContentException;
import dev.hotpath.platform.course.Lesson;
import dev.hotpath.platform.course.Quiz;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every lesson with web-app-style addresses (the static site's are tested in CourseSiteTest),
 * and checks the structure of the HTML.
 */
class LessonRenderingTest {

    /** Addresses as a web app might route them: the renderer must use these and nothing else. */
    static final PageLinks WEB_LINKS = new PageLinks() {
        @Override
        public String courseMap() {
            return "/course";
        }

        @Override
        public String lesson(Lesson lesson) {
            return "/course/lessons/" + lesson.id();
        }

        @Override
        public String courseFile(String path) {
            return "/course/files/" + path;
        }

        @Override
        public String asset(String name) {
            return "/assets/" + name;
        }
    };

    private static Course course;
    private static final CoursePages pages = new CoursePages();

    @BeforeAll
    static void load() throws CourseContentException {
        course = TestCourse.load();
    }

    @Test
    void everyHeadingHasItsGitHubStyleAnchor() {
        for (Lesson lesson : course.lessons()) {
            Document page = render(lesson);
            List<String> ids = page.select("article.prose").select("h2, h3, h4").eachAttr("id");
            List<String> expected = lesson.page().anchors().stream()
                    .filter(anchor -> !anchor.equals(lesson.page().titleAnchor())).toList();
            assertThat(ids).as("heading ids of %s", lesson.id()).isEqualTo(expected);
            assertThat(page.selectFirst("h1").id()).isEqualTo(lesson.page().titleAnchor());
            assertThat(page.select("details.toc a").eachAttr("href")).as("table of contents of %s", lesson.id())
                    .isEqualTo(lesson.page().sections().stream().map(section -> "#" + section.anchor()).toList());
        }
        Document loop = render(course.lesson("the-optimization-loop").orElseThrow());
        assertThat(loop.getElementById("step-1-remove-work-that-should-not-happen")).isNotNull();
        assertThat(loop.getElementById("myth-a-micro-benchmark-win-is-a-user-visible-win")).isNotNull();
        Document threads = render(course.lesson("when-threads-wait").orElseThrow());
        assertThat(threads.getElementById("critical-sections-and-no-io-under-a-lock").text())
                .isEqualTo("Critical sections and no I/O under a lock");
    }

    @Test
    void quizzesRenderAsQuestionsWithTheirAnswers() {
        for (Lesson lesson : course.lessons()) {
            Elements quizzes = render(lesson).select("section.quiz");
            assertThat(quizzes).as("quizzes of %s", lesson.id()).hasSameSizeAs(lesson.quizzes());
            for (int i = 0; i < quizzes.size(); i++) {
                Element html = quizzes.get(i);
                Quiz quiz = lesson.quizzes().get(i);
                assertThat(html.attr("data-answer")).isEqualTo(String.valueOf(quiz.answer()));
                assertThat(html.select("button.quiz-choice").eachText()).isEqualTo(quiz.choices());
                assertThat(html.select("button.quiz-choice").eachAttr("type")).containsOnly("button");
                assertThat(html.selectFirst(".quiz-question").ownText()).isEqualTo(quiz.question());
                assertThat(html.selectFirst(".quiz-feedback").hasAttr("hidden")).isTrue();
                assertThat(html.selectFirst(".quiz-explanation").text()).isEqualTo(quiz.explanation());
                Element artifact = html.selectFirst("pre.quiz-artifact > code.language-text");
                if (quiz.artifact().isEmpty()) {
                    assertThat(artifact).isNull();
                } else {
                    assertThat(artifact.wholeText()).isEqualTo(quiz.artifact());
                }
            }
            assertThat(render(lesson).select("code.language-quiz")).isEmpty();
        }
    }

    @Test
    void codeBlocksCarryTheirLanguage() {
        Document cache = render(course.lesson("remove-repeated-work").orElseThrow());
        assertThat(cache.select("pre > code.language-java")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cache.select("pre > code.language-text")).isNotEmpty();
        assertThat(cache.select("pre > code.language-bash")).isNotEmpty();
        assertThat(cache.select("pre > code.language-java").first().text()).startsWith("package lessons.l1.keys;");
        for (Lesson lesson : course.lessons()) {
            assertThat(render(lesson).select("article.prose pre > code"))
                    .as("code blocks of %s", lesson.id())
                    .allSatisfy(code -> assertThat(code.className()).startsWith("language-"));
        }
    }

    @Test
    void linksAndImagesPointAtTheRenderersAddresses() {
        for (Lesson lesson : course.lessons()) {
            Document page = render(lesson);
            assertThat(page.select("a[href]").eachAttr("href")).as("links of %s", lesson.id())
                    .noneMatch(href -> href.contains(".md"));
        }
        Document loop = render(course.lesson("the-optimization-loop").orElseThrow());
        assertThat(loop.select("a[href]").eachAttr("href")).contains(
                "/course/lessons/when-threads-wait#the-measurements",
                "/course/lessons/remove-repeated-work",
                "/course/lessons/when-threads-wait#computing-or-waiting",
                "https://www.brendangregg.com/usemethod.html");
        assertThat(loop.select("article.prose img").eachAttr("src"))
                .containsExactly("/course/files/img/optimization-loop.svg", "/course/files/img/cost-layers.svg",
                        "/course/files/img/profiles/cache-key-explosion-starter-cpu.svg",
                        "/course/files/img/profiles/serializer-churn-starter-allocation.svg",
                        "/course/files/img/profiles/hot-lock-starter-waiting.svg",
                        "/course/files/img/profiles/cache-key-explosion-starter-cpu.svg",
                        "/course/files/img/profiles/serializer-churn-starter-allocation.svg",
                        "/course/files/img/profiles/hot-lock-starter-waiting.svg");
        assertThat(loop.select("link[rel=stylesheet]").eachAttr("href")).contains("/assets/course.css");
        assertThat(loop.select("script[src]").eachAttr("src")).contains("/assets/quiz.js", "/assets/highlight.min.js");

        Document cache = render(course.lesson("remove-repeated-work").orElseThrow());
        assertThat(cache.select("a[href=#how-it-is-graded]")).isNotEmpty();
    }

    @Test
    void lessonPagesShowTheirExercisesAndNeighbours() {
        Document cache = render(course.lesson("remove-repeated-work").orElseThrow());
        Element exercise = cache.getElementById("exercise-cache-key-explosion");
        assertThat(exercise).isNotNull();
        assertThat(exercise.selectFirst("h2").text()).isEqualTo("Cache key explosion");
        assertThat(exercise.text()).contains("A storefront caches rendered product pages",
                "exercises/cache-key-explosion/src/main/java/dev/hotpath/cachekey/PageCache.java");
        assertThat(exercise.selectFirst("pre > code.language-bash").text()).contains(
                "mvn -q test -pl exercises/cache-key-explosion",
                "mvn -q verify -Pgrade -Dexercise=cache-key-explosion");
        assertThat(cache.select(".lesson-facts a").attr("href")).isEqualTo("#exercise-cache-key-explosion");
        assertThat(cache.select(".pager-previous").attr("href")).isEqualTo("/course/lessons/the-optimization-loop");
        assertThat(cache.select(".pager-next").attr("href")).isEqualTo("/course/lessons/when-threads-wait");

        Document loop = render(course.lesson("the-optimization-loop").orElseThrow());
        assertThat(loop.select("section.exercise")).isEmpty();
        assertThat(loop.select(".pager-previous")).isEmpty();
    }

    @Test
    void courseMapListsTheLessonsInOrderAboveTheIntroduction() {
        Document map = Jsoup.parse(pages.courseMap(course, WEB_LINKS));
        assertThat(map.selectFirst("h1").text()).isEqualTo(course.introduction().title());
        assertThat(map.select(".lesson-card a").eachAttr("href")).containsExactly(
                "/course/lessons/the-optimization-loop", "/course/lessons/remove-repeated-work",
                "/course/lessons/when-threads-wait", "/course/lessons/cost-of-temporary-objects",
                "/course/lessons/find-it-yourself");
        assertThat(map.select(".lesson-card .lesson-title").eachText())
                .isEqualTo(course.lessons().stream().map(Lesson::title).toList());
        assertThat(map.select("article.prose h2").eachText()).contains("What this course is", "Concept map");
        assertThat(map.select("article.prose a[href]").eachAttr("href"))
                .contains("/course/lessons/remove-repeated-work#purge-every-variant");
        assertThat(map.select("article.prose table")).hasSizeGreaterThanOrEqualTo(2);
    }

    private static Document render(Lesson lesson) {
        return Jsoup.parse(pages.lesson(course, lesson, WEB_LINKS));
    }
}
