package dev.hotpath.grader.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory for one grading run, deleted when the run ends. Its root can be passed through but not
 * listed by other users; what children read is made readable to them ({@link #share(Path)}), since a
 * sandboxed child runs as a user of its own.
 */
public final class Workspace implements AutoCloseable {

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    private static final Set<PosixFilePermission> TRAVERSE_ONLY = PosixFilePermissions.fromString("rwx--x--x");
    private static final Set<PosixFilePermission> READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

    public static Workspace create(Path parent, String prefix) throws IOException {
        return new Workspace(createPrivateDirectory(parent, prefix));
    }

    /** A fresh directory under {@code parent} that others may pass through but not list. */
    static Path createPrivateDirectory(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, prefix);
        Files.setPosixFilePermissions(dir, TRAVERSE_ONLY);
        return dir;
    }

    /** Makes everything under {@code root} readable (not writable) by other users: the sandboxed child's user. */
    static void share(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? READABLE_DIR : READABLE_FILE);
            }
        }
    }

    /** Copies the tree {@code from} to {@code to} and shares it. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        share(to);
    }

    /** A fresh subdirectory that children may read. */
    public Path directory(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.setPosixFilePermissions(dir, READABLE_DIR);
        return dir;
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
