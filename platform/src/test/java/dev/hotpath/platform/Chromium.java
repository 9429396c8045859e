package dev.hotpath.platform;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium per test class, for every browser test: register it with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}. It uses Debian's
 * chromium and chromium-driver at fixed paths, never Selenium Manager (it would download a browser,
 * and the network is closed). Mandatory when CI=true: the class fails without them; elsewhere each
 * test is skipped, saying why. The browser starts before the class's own {@code @BeforeAll} methods
 * (which can ask {@link #available()}), with its own profile, recording console messages, and quits
 * after the class.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MISSING = "headless Chromium is needed: " + BROWSER + " and " + DRIVER
            + " (apt-get install -y chromium chromium-driver)";
    /** Screenshots for people to look at after a run. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** We use no DevTools features; Debian's Chromium is often newer than the DevTools versions Selenium knows. */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Path profile;
    private ChromeDriver browser;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, and " + MISSING);
            }
            return; // each test reports itself skipped, with the reason
        }
        profile = Files.createTempDirectory("hotpath-chromium-");
        browser = start(profile);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(available(), MISSING + "; this test is mandatory only when CI=true");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Whether the browser runs; false only where Chromium is missing outside CI. */
    public boolean available() {
        return browser != null;
    }

    public ChromeDriver browser() {
        return browser;
    }

    public WebDriverWait await(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    /** Writes what the browser shows to target/screenshots/{@code name}. */
    public void screenshot(String name) throws IOException {
        Files.write(Files.createDirectories(SCREENSHOTS).resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Signs up through the platform's form at {@code signupUrl}, then logs in on the page it leads to,
     * as a learner would; returns once the header shows {@code name}.
     */
    public void signUpAndLogIn(String signupUrl, String email, String name) {
        WebDriverWait wait = await(Duration.ofSeconds(10));
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
    public List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    private static ChromeDriver start(Path profile) throws IOException {
        CDP_VERSION_WARNINGS.setLevel(Level.OFF);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }
}
