package dev.hotpath.platform.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The stylesheets, scripts and icon every course page loads, by the name pages link to, and where
 * each lives on the classpath: our own files, and highlight.js from its webjar.
 */
public final class CourseAssets {

    private static final Map<String, String> RESOURCES = resources();

    private CourseAssets() {
    }

    public static Set<String> names() {
        return RESOURCES.keySet();
    }

    /** Opens the asset called {@code name}; the caller closes the stream. */
    public static InputStream open(String name) {
        String resource = RESOURCES.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("no course asset called " + name);
        }
        return open(resource, "course asset " + name);
    }

    private static Map<String, String> resources() {
        String highlight = "META-INF/resources/webjars/highlightjs/" + webjarVersion("highlightjs") + "/";
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("course.css", "static/course.css");
        resources.put("quiz.js", "static/quiz.js");
        resources.put("highlight-code.js", "static/highlight-code.js");
        resources.put("favicon.svg", "static/favicon.svg");
        resources.put("highlight.min.js", highlight + "highlight.min.js");
        resources.put("highlight-light.css", highlight + "styles/github.min.css");
        resources.put("highlight-dark.css", highlight + "styles/github-dark.min.css");
        return Collections.unmodifiableMap(resources);
    }

    /** A webjar's files sit under its version; the webjar's own pom.properties says which one it is. */
    private static String webjarVersion(String artifactId) {
        try (InputStream in = open("META-INF/maven/org.webjars/" + artifactId + "/pom.properties", "webjar " + artifactId)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource, String what) {
        InputStream in = CourseAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(what + " is missing from the classpath: " + resource);
        }
        return in;
    }
}
