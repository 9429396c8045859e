package dev.hotpath.platform;

import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.grading.QueueTiming;

import dev.hotpath.platform.auth.Throttle;
import dev.hotpath.platform.course.CourseContentException;
import dev.hotpath.platform.grading.GradingLimits;
import dev.hotpath.platform.web.TrustedProxies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The platform started in-process on a free port with a fresh data directory and the repository's
 * course, grading with a {@link ScriptedGrader} or with the real grader.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String INSTRUCTOR = "teacher@example.org";
    /** The repository root: it holds lessons/ and exercises/. */
    public static final Path COURSE = TestCourse.LESSONS.toAbsolutePath().normalize().getParent();
    public static final String EXERCISE = "cache-key-explosion";
    public static final String EDITABLE = "src/main/java/dev/hotpath/cachekey/PageCache.java";

    private final Platform platform;
    private final Path dataDir;

    private TestPlatform(Platform platform, Path dataDir) {
        this.platform = platform;
        this.dataDir = dataDir;
    }

    /** Grading by {@code grader}, validating with {@link ScriptedGrader#validate}. */
    public static TestPlatform scripted(Path dataDir, ScriptedGrader grader, GradingLimits limits) throws CourseContentException {
        return scripted(dataDir, grader, limits, INSTRUCTOR);
    }

    /** As {@link #scripted(Path, ScriptedGrader, GradingLimits)}, with another instructor email. */
    public static TestPlatform scripted(Path dataDir, ScriptedGrader grader, GradingLimits limits, String instructor)
            throws CourseContentException {
        return scripted(dataDir, grader, limits, instructor, TrustedProxies.NONE, Throttle.Rules.DEFAULT);
    }

    /** As {@link #scripted(Path, ScriptedGrader, GradingLimits, String)}, behind {@code proxies}, throttling by {@code rules}. */
    public static TestPlatform scripted(Path dataDir, ScriptedGrader grader, GradingLimits limits, String instructor,
                                        TrustedProxies proxies, Throttle.Rules rules) throws CourseContentException {
        Platform platform = Platform.start(new Platform.Settings(0, Database.Location.embedded(dataDir), COURSE,
                        Optional.of(instructor), false, limits, QueueTiming.DEFAULT, proxies, rules), new Platform.GraderFunctions(grader, ScriptedGrader::validate));
        return new TestPlatform(platform, dataDir);
    }

    /** Grading by the real grader, in the OS sandbox. */
    public static TestPlatform real(Path dataDir) throws CourseContentException {
        return new TestPlatform(Platform.start(new Platform.Settings(0, dataDir, COURSE, Optional.of(INSTRUCTOR), false,
                GradingLimits.DEFAULT)), dataDir);
    }

    public String url(String path) {
        return "http://localhost:" + platform.port() + path;
    }

    public WebClient client() {
        return new WebClient(url(""));
    }

    /** A visitor whose proxy says it is at {@code address}. */
    public WebClient client(String forwardedFor) {
        return new WebClient(url(""), forwardedFor);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The file the exercise's learners edit, as the reference solution or the starter has it. */
    public static String solution() {
        return read(COURSE.resolve("exercises").resolve(EXERCISE).resolve("solution").resolve(EDITABLE));
    }

    public static String starter() {
        return read(COURSE.resolve("exercises").resolve(EXERCISE).resolve("starter").resolve(EDITABLE));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
