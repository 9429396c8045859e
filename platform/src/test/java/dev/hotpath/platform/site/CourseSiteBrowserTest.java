package dev.hotpath.platform.site;

import dev.hotpath.platform.Chromium;
import dev.hotpath.platform.TestCourse;
import dev.hotpath.platform.course.Course;
import dev.hotpath.platform.course.Lesson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the static site from file:// in headless Chromium: no page logs a console error, and a
 * quiz answers when clicked, in {@link Chromium}: mandatory when CI=true, skipped with its reason
 * elsewhere when Chromium is not installed.
 */
class CourseSiteBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path work;

    private static Course course;
    private static ChromeDriver browser;

    @BeforeAll
    static void writeSite() throws Exception {
        if (!chromium.available()) {
            return;
        }
        course = TestCourse.load();
        new CourseSite().write(course, work.resolve("site"));
        browser = chromium.browser();
    }

    @Test
    void everyPageOpensWithoutConsoleErrors() {
        List<String> pages = new ArrayList<>(List.of("index.html"));
        course.lessons().forEach(lesson -> pages.add(new StaticLinks().lesson(lesson)));
        for (String page : pages) {
            open(page);
            assertThat(severeConsoleEntries()).as("console errors of %s", page).isEmpty();
            assertThat(browser.findElement(By.cssSelector("h1")).getText()).isNotBlank();
        }
        open(new StaticLinks().lesson(course.lessons().get(1)));
        assertThat(browser.findElements(By.cssSelector("pre code.hljs")))
                .as("code blocks highlighted by highlight.js").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("img")))
                .as("images loaded from the site's img folder")
                .allSatisfy(image -> assertThat(image.getDomProperty("naturalWidth")).isNotEqualTo("0"));
    }

    @Test
    void aQuizRevealsTheAnswerAndExplanationWhenAnswered() {
        Lesson loop = course.lesson("the-optimization-loop").orElseThrow();
        open(new StaticLinks().lesson(loop));
        List<WebElement> quizzes = browser.findElements(By.cssSelector("section.quiz"));
        assertThat(quizzes).hasSize(loop.quizzes().size());

        WebElement first = quizzes.get(0);
        assertThat(first.findElement(By.cssSelector(".quiz-explanation")).isDisplayed()).isFalse();
        WebElement right = choice(first, loop.quizzes().get(0).answer());
        right.click();
        assertThat(first.findElement(By.cssSelector(".quiz-verdict")).getText()).isEqualTo("Correct.");
        assertThat(first.findElement(By.cssSelector(".quiz-explanation")).isDisplayed()).isTrue();
        assertThat(first.findElement(By.cssSelector(".quiz-explanation")).getText())
                .isEqualTo(loop.quizzes().get(0).explanation());
        assertThat(right.getDomAttribute("class")).contains("is-right");
        assertThat(first.findElements(By.cssSelector(".quiz-choice")))
                .allSatisfy(choice -> assertThat(choice.isEnabled()).isFalse());

        WebElement second = quizzes.get(1);
        int rightChoice = loop.quizzes().get(1).answer();
        WebElement wrong = choice(second, rightChoice == 1 ? 2 : 1);
        wrong.click();
        assertThat(second.findElement(By.cssSelector(".quiz-verdict")).getText()).startsWith("Not quite");
        assertThat(wrong.getDomAttribute("class")).contains("is-wrong");
        assertThat(choice(second, rightChoice).getDomAttribute("class")).contains("is-right");
        assertThat(second.findElement(By.cssSelector(".quiz-explanation")).isDisplayed()).isTrue();

        assertThat(severeConsoleEntries()).isEmpty();
    }

    /**
     * The browser shows every quiz's choices in a shuffled order, each choice still answering as the
     * author numbered it. With 2 to 5 choices per question and about ten questions per lesson, all of
     * them coming out in source order by chance has a probability far below one in a million.
     */
    @Test
    void quizChoicesAreShuffledOnEveryPageLoad() {
        boolean anyMoved = false;
        for (Lesson lesson : course.lessons()) {
            open(new StaticLinks().lesson(lesson));
            List<WebElement> quizzes = browser.findElements(By.cssSelector("section.quiz"));
            assertThat(quizzes).hasSize(lesson.quizzes().size());
            for (int i = 0; i < quizzes.size(); i++) {
                List<String> numbers = quizzes.get(i).findElements(By.cssSelector(".quiz-choice")).stream()
                        .map(choice -> choice.getDomAttribute("data-choice")).toList();
                List<String> sourceOrder = new ArrayList<>();
                for (int n = 1; n <= lesson.quizzes().get(i).choices().size(); n++) {
                    sourceOrder.add(String.valueOf(n));
                }
                assertThat(numbers).as("choices of question %d of %s", i + 1, lesson.id())
                        .containsExactlyInAnyOrderElementsOf(sourceOrder);
                anyMoved |= !numbers.equals(sourceOrder);
            }
        }
        assertThat(anyMoved).as("some question shows its choices out of source order").isTrue();
        assertThat(severeConsoleEntries()).isEmpty();
    }

    private static void open(String page) {
        browser.get(work.resolve("site").resolve(page).toUri().toString());
    }

    private static WebElement choice(WebElement quiz, int number) {
        return quiz.findElement(By.cssSelector(".quiz-choice[data-choice='" + number + "']"));
    }

    private static List<String> severeConsoleEntries() {
        return chromium.severeConsoleEntries();
    }
}
