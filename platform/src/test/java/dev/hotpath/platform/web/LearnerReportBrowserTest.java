package dev.hotpath.platform.web;

import dev.hotpath.platform.Chromium;
import dev.hotpath.platform.ScriptedGrader;
import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a learner sees of the exercise page and a failed result in headless Chromium (issue 16): the
 * editor fills the viewport beside a statement that scrolls on its own; the result page leads with the
 * verdict, marks the Verdict step ✗ for a FAIL, shows what fell short and collapses the passing tests
 * to a count. Graded by the {@link ScriptedGrader}; screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerReportBrowserTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final String EXERCISE_PAGE = "/exercises/" + TestPlatform.EXERCISE;
    private static ChromeDriver browser;

    @BeforeAll
    static void signIn() {
        if (!chromium.available()) {
            return;
        }
        browser = chromium.browser();
        chromium.signUpAndLogIn(platform.url("/signup"), "reader@example.org", "Reed");
    }

    @Test
    @Order(1)
    void theEditorFillsTheViewportAndResizesBesideAStatementThatScrollsOnItsOwn() throws Exception {
        browser.get(platform.url(EXERCISE_PAGE));
        chromium.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        long viewport = number("return window.innerHeight;");

        assertThat(number("return document.querySelector('.CodeMirror').getBoundingClientRect().height;"))
                .as("editor height in a %d px viewport", viewport).isGreaterThanOrEqualTo(viewport * 3 / 4);
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector('.editor-file')).resize;"))
                .isEqualTo("vertical");
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector('.statement')).overflowY;"))
                .isEqualTo("auto");
        assertThat(number("const s = document.querySelector('.statement'); return s.scrollHeight - s.clientHeight;"))
                .as("the statement scrolls within its column").isPositive();
        assertThat(number("return document.querySelector('.statement').getBoundingClientRect().left;"))
                .as("beside the editor").isGreaterThanOrEqualTo(
                        number("return document.querySelector('.CodeMirror').getBoundingClientRect().right;"));

        chromium.screenshot("exercise-editor.png");
        browser.executeScript("document.querySelector('.editor-file').style.height = '400px';");
        chromium.await(Duration.ofSeconds(5)).until(driver ->
                number("return document.querySelector('.CodeMirror').getBoundingClientRect().height;") < 400);
        assertThat(browser.findElement(By.cssSelector(".grading-time")).getText())
                .startsWith("No grading of this exercise has finished here yet");
        browser.executeScript("document.querySelector('.editor-file').style.height = '';");
    }

    @Test
    @Order(2)
    void aMissedMetricLeadsWithTheVerdictMarksItFailedAndCollapsesThePassingTests() throws Exception {
        submit(ScriptedGrader.Outcome.FAIL_PERFORMANCE);

        assertThat(browser.findElement(By.cssSelector("section.verdict h2")).getText()).isEqualTo("FAIL");
        assertThat(firstSectionAfterTheHeading()).as("what leads the page").isEqualTo("verdict");
        assertVerdictStepMarkedFailed();

        List<String> order = sectionsInOrder();
        assertThat(order.indexOf("performance")).as("performance before tests when the tests pass")
                .isLessThan(order.indexOf("tests"));
        WebElement note = browser.findElement(By.cssSelector("tr.metric-note"));
        assertThat(note.getText()).startsWith("origin-calls: 1.5× fewer than the starter, needs 2.5×.")
                .contains("Find the bottleneck in the profile below.");
        assertThat(note.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("#profiles-heading");

        assertThat(browser.findElements(By.cssSelector("table.tests"))).as("no table of passing tests").isEmpty();
        WebElement passed = browser.findElement(By.cssSelector("details.passed-tests"));
        assertThat(passed.getDomAttribute("open")).isNull();
        assertThat(passed.findElement(By.tagName("summary")).getText()).isEqualTo("2 tests passed");
        assertThat(passed.findElement(By.cssSelector("li.test-passed")).isDisplayed()).as("collapsed").isFalse();
        assertThat(chromium.severeConsoleEntries()).isEmpty();
        chromium.screenshot("submission-fail-performance.png");
    }

    @Test
    @Order(3)
    void aFailingTestComesFirstAndThePassingOneIsACount() throws Exception {
        submit(ScriptedGrader.Outcome.FAIL_TESTS);

        assertThat(firstSectionAfterTheHeading()).isEqualTo("verdict");
        assertVerdictStepMarkedFailed();
        assertThat(browser.findElement(By.id("tests")).getText()).isEqualTo("Tests that did not pass");
        assertThat(browser.findElements(By.cssSelector("table.tests tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("table.tests tr.test-failed")).getText())
                .contains("Cache keys › currency changes the page");
        assertThat(browser.findElement(By.cssSelector("details.passed-tests summary")).getText()).isEqualTo("1 test passed");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
        chromium.screenshot("submission-fail-tests.png");

        browser.get(platform.url(EXERCISE_PAGE));
        assertThat(browser.findElement(By.cssSelector(".grading-time")).getText())
                .as("measured on this platform's own gradings").matches("Recent gradings of this exercise took \\d+ s"
                        + " \\(median of 2\\), at most \\d+ s, plus any wait in the queue\\.");
    }

    /** Submits the starter with the scripted grader's marker and waits for the result page with its verdict. */
    private static void submit(ScriptedGrader.Outcome outcome) {
        browser.get(platform.url(EXERCISE_PAGE));
        chromium.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        browser.executeScript("const editor = document.querySelector('.CodeMirror').CodeMirror;"
                + " editor.setValue(arguments[0] + editor.getValue());", ScriptedGrader.marker(outcome));
        browser.findElement(By.id("submit-button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.verdict")));
    }

    private static void assertVerdictStepMarkedFailed() {
        WebElement verdictStep = browser.findElement(By.cssSelector("#progress li[data-step='verdict']"));
        assertThat(verdictStep.getDomAttribute("class")).isEqualTo("failed");
        assertThat(browser.executeScript("return getComputedStyle(arguments[0], '::before').content;",
                verdictStep.findElement(By.cssSelector(".step-label")))).isEqualTo("\"✗ \"");
    }

    /** The first section of the page's main content after its heading and the line under it. */
    private static String firstSectionAfterTheHeading() {
        return (String) browser.executeScript("const first = document.querySelector('main > section, main > ol');"
                + " return first.classList.contains('verdict') ? 'verdict' : first.id || first.className;");
    }

    /** The result's sections by their heading ids, in page order. */
    private static List<String> sectionsInOrder() {
        return browser.findElements(By.cssSelector("main section > h2")).stream()
                .map(heading -> heading.getDomAttribute("id")).toList();
    }

    private static long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }
}
