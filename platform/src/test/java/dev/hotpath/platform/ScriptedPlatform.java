package dev.hotpath.platform;

import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.web.TrustedProxies;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One platform per test class, with a fresh data directory and a {@link ScriptedGrader}, which is
 * released after every test so a test that held it cannot stall the next. Register it with
 * {@code @RegisterExtension static final ScriptedPlatform platform = new ScriptedPlatform();}; it
 * starts before the class's own {@code @BeforeAll} methods.
 */
public final class ScriptedPlatform implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final GradingLimits limits;
    private final TrustedProxies proxies;
    private final Throttle.Rules throttling;
    private final ScriptedGrader grader = new ScriptedGrader();
    private Path data;
    private TestPlatform platform;

    public ScriptedPlatform() {
        this(GradingLimits.DEFAULT);
    }

    public ScriptedPlatform(GradingLimits limits) {
        this(limits, TrustedProxies.NONE, Throttle.Rules.DEFAULT);
    }

    /**
     * Behind {@code proxies} (tests then name each client's address with {@link #client(String)}),
     * throttling logins and sign-ups by {@code throttling}.
     */
    public ScriptedPlatform(GradingLimits limits, TrustedProxies proxies, Throttle.Rules throttling) {
        this.limits = limits;
        this.proxies = proxies;
        this.throttling = throttling;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("hotpath-platform-test-");
        platform = TestPlatform.scripted(data, grader, limits, TestPlatform.INSTRUCTOR, proxies, throttling);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        grader.release();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        platform.close();
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public ScriptedGrader grader() {
        return grader;
    }

    public WebClient client() {
        return platform.client();
    }

    /** A visitor whose proxy says it is at {@code forwardedFor}. */
    public WebClient client(String forwardedFor) {
        return platform.client(forwardedFor);
    }

    public String url(String path) {
        return platform.url(path);
    }

    public Path dataDir() {
        return platform.dataDir();
    }
}
