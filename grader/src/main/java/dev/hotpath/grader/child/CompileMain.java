package dev.hotpath.grader.child;

import dev.hotpath.grader.pipeline.Javac;
import dev.hotpath.grader.report.CompileError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs inside the compile JVM: compiles a submission with javac, away from the grader's memory and
 * time, and sends its errors and class files on the channel. Arguments: a {@link CompilePlan}.
 * Class files are written to the child's scratch directory first, which caps their total size.
 */
public final class CompileMain {

    /** Bytes of a class file per event. */
    static final int CHUNK_BYTES = 16 * 1024;

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
            CompilePlan plan = CompilePlan.parse(args);
            Map<String, String> files = new LinkedHashMap<>();
            for (String file : plan.files()) {
                files.put(file, Files.readString(plan.sources().resolve(file), StandardCharsets.UTF_8));
            }
            Path output = Files.createTempDirectory("classes");
            List<CompileError> errors = Javac.compile(files, List.of(plan.classpath()), output);
            for (CompileError error : errors) {
                channel.send(new ChildEvent.CompileErrorFound(error.file(), error.line(), error.column(),
                        error.message()));
            }
            if (errors.isEmpty()) {
                sendClasses(channel, output);
            }
            channel.send(new ChildEvent.Done());
        } catch (Throwable t) {
            // Only the kind (javac recursing out of stack, out of memory…): its stack trace means nothing
            // to a learner; the parent says what the kind means.
            channel.send(new ChildEvent.Crashed(t.getClass().getName()));
        } finally {
            ChildChannel.halt();
        }
    }

    private static void sendClasses(ChildChannel channel, Path output) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(output)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = output.relativize(file).toString();
                byte[] data = Files.readAllBytes(file);
                for (int at = 0; at < data.length || at == 0; at += CHUNK_BYTES) {
                    channel.send(new ChildEvent.ClassPart(name,
                            Arrays.copyOfRange(data, at, Math.min(data.length, at + CHUNK_BYTES))));
                }
            }
        }
    }
}
