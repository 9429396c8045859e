package dev.hotpath.platform;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the browser tests: Debian's chromium and chromium-driver at fixed paths,
 * never Selenium Manager (it would download a browser, and the network is closed). Mandatory when
 * CI=true; elsewhere a test runs if both are installed and is skipped, saying so, if not.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MISSING = "headless Chromium is needed: " + BROWSER + " and " + DRIVER
            + " (apt-get install -y chromium chromium-driver)";

    /** We use no DevTools features; Debian's Chromium is often newer than the DevTools versions Selenium knows. */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Chromium() {
    }

    /** For {@code @BeforeAll}: fails when CI=true and Chromium is missing; otherwise says whether to go on. */
    public static boolean availableOrFailOnCi() {
        if (installed()) {
            return true;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true, and " + MISSING);
        }
        return false; // each test reports itself skipped, with the reason
    }

    /** For {@code @BeforeEach}: skips the test, with the reason, when Chromium is missing. */
    public static void assumeInstalled() {
        assumeTrue(installed(), MISSING + "; this test is mandatory only when CI=true");
    }

    /** A fresh browser with its own profile in {@code work}, recording console messages. */
    public static ChromeDriver start(Path work) throws IOException {
        CDP_VERSION_WARNINGS.setLevel(Level.OFF);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    /**
     * Signs up through the platform's form at {@code signupUrl}, then logs in on the page it leads to,
     * as a learner would; returns once the header shows {@code name}.
     */
    public static void signUpAndLogIn(ChromeDriver browser, String signupUrl, String email, String name) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(signupUrl);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys("correct horse");
        browser.findElement(By.cssSelector("form.account-form button")).click();
        wait.until(ExpectedConditions.urlContains("/login?notice=signed-up"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("correct horse");
        browser.findElement(By.cssSelector("form.account-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".site-user"), name));
    }

    /** Console errors and uncaught exceptions since the last call. */
    public static List<String> severeConsoleEntries(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }
}
