package dev.hotpath.platform.web;

import dev.hotpath.platform.Chromium;
import dev.hotpath.platform.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's whole way through the platform in headless Chromium, graded for real (in the sandbox):
 * sign up, open a lesson, open its exercise, put the reference solution in the editor, submit with
 * Ctrl-Enter, watch the progress move without reloading, see the verdict; then the instructor's
 * dashboard counts it; its flame graphs show the starter's hot frame beside the learner's. Screenshots of the
 * exercise page, the result page, its CPU flame graphs and the dashboard go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBrowserTest {

    /** Grading, then the profiling pass (the starter's and the submission's). */
    private static final Duration GRADING = Duration.ofMinutes(4);
    private static final String RENDER = "dev.hotpath.cachekey.origin.Origin.render";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path work;
    private static TestPlatform platform;
    private static ChromeDriver browser;
    private static String resultPage;

    @BeforeAll
    static void start() throws Exception {
        if (!chromium.available()) {
            return;
        }
        platform = TestPlatform.real(work.resolve("data"));
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aLearnerSignsUpReadsALessonSubmitsTheExerciseAndSeesItPass() throws Exception {
        chromium.signUpAndLogIn(platform.url("/signup"), "learner@example.org", "Lea");

        browser.findElement(By.cssSelector(".lesson-card a[href='/lessons/remove-repeated-work']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Remove repeated work first");
        assertThat(browser.findElements(By.cssSelector("article.prose pre code.hljs"))).as("highlighted code").isNotEmpty();
        browser.findElement(By.cssSelector("#exercise-cache-key-explosion a.button-link")).click();

        await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cache key explosion");
        screenshot("exercise.png");
        browser.executeScript("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);",
                TestPlatform.solution());
        WebElement editor = browser.findElement(By.cssSelector(".CodeMirror textarea"));
        new Actions(browser).click(browser.findElement(By.cssSelector(".CodeMirror-code"))).perform();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        await(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/submissions/\\d+$"));
        // Mark this page load: a reload would clear it, so progress seen with the mark came over the event stream.
        browser.executeScript("window.sameLoad = true;");
        await(GRADING).until(driver -> "performance".equals(browser.executeScript(
                "const current = document.querySelector('#progress li.current');"
                        + " return window.sameLoad && current ? current.dataset.step : null;")));
        await(GRADING).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.verdict")));
        resultPage = browser.getCurrentUrl();

        assertThat(browser.findElement(By.cssSelector("section.verdict h2")).getText()).isEqualTo("PASS");
        assertThat(browser.findElements(By.cssSelector("#progress li.done"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("details.passed-tests li.test-passed"))).hasSizeGreaterThan(10);
        assertThat(browser.findElements(By.cssSelector("svg.performance-chart rect.bar-passed"))).hasSize(2);
        assertThat(chromium.severeConsoleEntries()).isEmpty();
        screenshot("submission-pass.png");

        browser.findElement(By.linkText("Back to the editor")).click();
        await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        assertThat(browser.findElement(By.cssSelector(".editor-source")).getText()).startsWith("Loaded from your submission #");
        assertThat(browser.findElements(By.cssSelector(".submission-list .badge-pass"))).hasSize(1);
    }

    @Test
    @Order(2)
    void theResultPageShowsTheThreeViewsWithTheStartersHotFrameAndSearchHighlightsIt() throws Exception {
        browser.get(resultPage);
        By starterRender = By.cssSelector("#flame-starter .frame[data-frame='" + RENDER + "']");
        await(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(starterRender));
        assertThat(browser.findElement(By.cssSelector(".profile-tab[aria-selected='true']")).getText()).isEqualTo("CPU");
        assertThat(browser.findElements(By.cssSelector("#flame-submission .frame"))).as("yours beside it").isNotEmpty();
        assertThat(browser.findElement(starterRender).getAttribute("title")).matches(".*Origin\\.render — \\d+(\\.\\d+)?% .*");
        assertThat(browser.findElements(By.cssSelector(".frame.match"))).isEmpty();

        browser.findElement(By.id("profile-search")).sendKeys("Origin.render");
        WebElement highlighted = browser.findElement(starterRender);
        assertThat(highlighted.getAttribute("class")).contains("match");
        assertThat(browser.findElements(By.cssSelector(".frame.match")))
                .allSatisfy(frame -> assertThat(frame.getAttribute("data-frame")).containsIgnoringCase("Origin.render"));
        assertThat(browser.findElement(By.cssSelector(".flame-search-result")).getText())
                .matches("\"Origin\\.render\": \\d+(\\.\\d+)?% of the starter's cpu view, \\d+(\\.\\d+)?% of yours\\.");
        screenshot("profile-cpu.png");
        highlighted.click();
        assertThat(browser.findElement(By.id("flame-starter")).getAttribute("data-zoomed")).as("zoomed in").isEqualTo(RENDER);

        browser.findElement(By.xpath("//button[@role='tab' and text()='Allocation']")).click();
        assertThat(browser.findElements(By.cssSelector("#flame-starter .frame[data-frame^='new ']")))
                .as("allocated types on top").isNotEmpty();
        browser.findElement(By.xpath("//button[@role='tab' and text()='Waiting']")).click();
        assertThat(browser.findElement(By.cssSelector(".profile-tab[aria-selected='true']")).getText()).isEqualTo("Waiting");
        assertThat(browser.findElements(By.cssSelector("figure.flame"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".profile-description")).getText()).startsWith("Where threads wait");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    @Order(3)
    void theInstructorDashboardCountsThePass() throws Exception {
        browser.findElement(By.cssSelector(".site-nav button.link-button")).click();
        await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign up")));
        chromium.signUpAndLogIn(platform.url("/signup"), TestPlatform.INSTRUCTOR, "Teacher");

        browser.findElement(By.linkText("Instructor")).click();
        WebElement row = browser.findElement(By.cssSelector("tr[data-exercise='cache-key-explosion']"));
        assertThat(row.findElement(By.cssSelector(".learners")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".pass-rate")).getText()).isEqualTo("100%");
        assertThat(row.findElement(By.cssSelector(".median-attempts")).getText()).isEqualTo("1");
        screenshot("instructor-dashboard.png");

        row.findElement(By.tagName("a")).click();
        browser.findElement(By.linkText("Lea")).click();
        browser.findElement(By.cssSelector("tbody tr a")).click();
        assertThat(browser.findElement(By.cssSelector(".submission-meta")).getText()).contains("by Lea (learner@example.org)");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    private static WebDriverWait await(Duration timeout) {
        return chromium.await(timeout);
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }
}
