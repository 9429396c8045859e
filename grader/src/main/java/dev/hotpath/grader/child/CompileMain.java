package dev.hotpath.grader.child;

import dev.hotpath.grader.pipeline.Javac;
import dev.hotpath.grader.report.CompileError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs inside the compile JVM: compiles a submission with javac, away from the grader's memory and
 * time, and sends its errors and class files on the channel. Arguments: the directory holding the
 * sources, the class path to compile against, then the sources' paths relative to that directory.
 * Class files are written to the child's scratch directory first, which caps their total size.
 */
public final class CompileMain {

    /** Base64 characters per {@code class} event, below the channel's longest value. */
    static final int CHUNK_CHARS = 6_000;

    private CompileMain() {
    }

    public static void main(String[] args) {
        ChildChannel channel;
        try {
            channel = ChildChannel.open();
        } catch (Exception e) {
            System.err.println("hotpath compiler: " + e.getMessage());
            Runtime.getRuntime().halt(3);
            return;
        }
        try {
            Path sources = Path.of(args[0]);
            Map<String, String> files = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i++) {
                files.put(args[i], Files.readString(sources.resolve(args[i]), StandardCharsets.UTF_8));
            }
            Path output = Files.createTempDirectory("classes");
            List<CompileError> errors = Javac.compile(files, List.of(Path.of(args[1])), output);
            for (CompileError error : errors) {
                channel.send("error", "file", error.file(), "line", error.line(), "column", error.column(),
                        "message", error.message());
            }
            if (errors.isEmpty()) {
                sendClasses(channel, output);
            }
            channel.send("done");
        } catch (StackOverflowError e) {
            // javac recurses over the syntax tree; the parent says what that means for the learner.
            channel.send("crashed", "kind", "stack");
        } catch (Throwable t) {
            // Only the kind: javac's stack trace means nothing to a learner.
            channel.send("crashed", "kind", t.getClass().getName());
        } finally {
            ChildChannel.halt();
        }
    }

    private static void sendClasses(ChildChannel channel, Path output) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(output)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = output.relativize(file).toString();
                String data = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
                for (int at = 0; at < data.length() || at == 0; at += CHUNK_CHARS) {
                    channel.send("class", "name", name, "data", data.substring(at, Math.min(data.length(), at + CHUNK_CHARS)));
                }
            }
        }
    }
}
