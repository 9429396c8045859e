package dev.hotpath.grader.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The flame graphs as one self-contained HTML file (script, styles and profile inside), for the
 * command line: the learner opens it locally, without a server or network. The result page of the
 * platform uses the same script and styles ({@link #SCRIPT}, {@link #STYLES}).
 */
public final class ProfileHtml {

    /** Class path resources, also served by the platform. */
    public static final String SCRIPT = "dev/hotpath/grader/profile/flamegraph.js";
    public static final String STYLES = "dev/hotpath/grader/profile/flamegraph.css";

    private ProfileHtml() {
    }

    public static String page(ProfileComparison comparison, String title) {
        // Inside <script>, "</" could end the element early: JSON lets '<' be written as a \\u escape.
        String data = ProfileJson.write(comparison).replace("<", "\\u003c");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\nbody { font-family: system-ui, sans-serif; margin: 1.5rem; color: #111; }\n"
                + resource(STYLES) + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + "<p>The exercise's benchmark run once under JDK Flight Recorder, your code beside the starter's."
                + " Harness frames (JMH, the grader) are cut away; each graph starts at the benchmark method.</p>\n"
                + "<section id=\"profiles\"><p class=\"profile-status\">Loading the profiles…</p></section>\n"
                + "<script type=\"application/json\" id=\"hotpath-profile-data\">" + data + "</script>\n"
                + "<script>\n" + resource(SCRIPT) + "</script>\n</body>\n</html>\n";
    }

    public static String resource(String name) {
        try (InputStream in = ProfileHtml.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's class path lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
