package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.TestMain;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The libraries a child JVM needs besides the exercise's classes: JUnit, JMH and the grader's child
 * runners. Found where this JVM loaded them from, so the same code works from a Maven build (separate
 * jars) and from the shaded grader or platform jar (one jar), then copied into the grader's work
 * directory, where a sandboxed child can read them wherever the originals live.
 */
final class ChildClasspath {

    private static final List<String> MARKERS = List.of(
            "org.junit.platform.launcher.Launcher",
            "org.junit.platform.launcher.core.LauncherFactory",
            "org.junit.platform.engine.TestEngine",
            "org.junit.platform.commons.util.ReflectionUtils",
            "org.junit.jupiter.engine.JupiterTestEngine",
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.opentest4j.AssertionFailedError",
            "org.apiguardian.api.API",
            "org.openjdk.jmh.runner.Runner",
            "joptsimple.OptionParser",
            "org.apache.commons.math3.stat.descriptive.DescriptiveStatistics");

    private ChildClasspath() {
    }

    /** Copies the runtime into {@code dir} and returns the copies, in class path order. */
    static List<Path> copyTo(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        List<Path> copies = new java.util.ArrayList<>();
        int index = 0;
        for (Path source : find()) {
            Path copy = dir.resolve(index++ + "-" + source.getFileName());
            if (java.nio.file.Files.isDirectory(source)) {
                Workspace.copyTree(source, copy);
            } else {
                java.nio.file.Files.copy(source, copy);
            }
            copies.add(copy);
        }
        Workspace.share(dir);
        return copies;
    }

    private static List<Path> find() {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(location(TestMain.class));
        for (String marker : MARKERS) {
            try {
                paths.add(location(Class.forName(marker, false, ChildClasspath.class.getClassLoader())));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the grader's class path lacks " + marker, e);
            }
        }
        return List.copyOf(paths);
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable location of " + type.getName() + ": " + source.getLocation(), e);
        }
    }
}
