package dev.hotpath.platform.web;

import dev.hotpath.grader.profile.ProfileHtml;
import dev.hotpath.platform.render.CourseAssets;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The stylesheets and scripts pages load: the course's ({@link CourseAssets}), the platform's own,
 * the grader's flame graph script and styles, and CodeMirror 5 from its webjar. Read into memory at start and served with an ETag, so a browser
 * revalidates cheaply and the server never touches the disk for them.
 */
final class WebAssets {

    /** One asset, ready to send. */
    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed: the bytes are only sent, and the etag names them
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Asset> assets = new HashMap<>();

    WebAssets() {
        for (String name : CourseAssets.names()) {
            try (InputStream in = CourseAssets.open(name)) {
                assets.put(name, asset(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read course asset " + name, e);
            }
        }
        platformResources().forEach((name, resource) -> assets.put(name, asset(name, read(resource))));
    }

    /** Serves {@code /assets/{name}}; 304 when the browser's copy is current. */
    void serve(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("name"));
        if (asset == null) {
            throw new NotFoundResponse("There is no asset called " + ctx.pathParam("name") + ".");
        }
        ctx.header("ETag", asset.etag());
        ctx.header("Cache-Control", "public, max-age=300, must-revalidate");
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static Map<String, String> platformResources() {
        String codemirror = "META-INF/resources/webjars/codemirror/" + webjarVersion() + "/";
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("platform.css", "static/platform.css");
        resources.put("exercise.js", "static/exercise.js");
        resources.put("submission.js", "static/submission.js");
        resources.put("flamegraph.js", ProfileHtml.SCRIPT);
        resources.put("flamegraph.css", ProfileHtml.STYLES);
        resources.put("codemirror.js", codemirror + "lib/codemirror.js");
        resources.put("codemirror.css", codemirror + "lib/codemirror.css");
        resources.put("codemirror-clike.js", codemirror + "mode/clike/clike.js");
        resources.put("codemirror-matchbrackets.js", codemirror + "addon/edit/matchbrackets.js");
        resources.put("codemirror-closebrackets.js", codemirror + "addon/edit/closebrackets.js");
        return resources;
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/codemirror/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("a web asset is missing from the classpath: " + resource);
        }
        return in;
    }

    private static Asset asset(String name, byte[] bytes) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String contentType = CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, contentType, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
