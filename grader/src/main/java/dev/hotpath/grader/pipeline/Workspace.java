package dev.hotpath.grader.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private directory for one grading run, deleted when the run ends. */
public final class Workspace implements AutoCloseable {

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    public static Workspace create(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        return new Workspace(Files.createTempDirectory(parent, prefix));
    }

    public Path root() {
        return root;
    }

    /** A fresh subdirectory. */
    public Path directory(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
