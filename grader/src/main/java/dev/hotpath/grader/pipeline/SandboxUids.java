package dev.hotpath.grader.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unprivileged users for sandboxed children, unique on the whole host. The process limit counts
 * every process of a user, so two children sharing one user share that limit: a submission holding
 * hundreds of threads would make another grading's sandbox fail to start. Several grader processes
 * run on one host, so a user is taken by locking its file in a directory all of them share, and held
 * while the child runs; the kernel releases the lock of a grader that dies.
 */
final class SandboxUids {

    /** Where graders on this host coordinate; under /run, which only root can write. */
    static final Path HOST_DIRECTORY = Path.of("/run/hotpath/sandbox-uids");
    static final int FIRST_UID = 61_000;
    static final int COUNT = 1_000;

    /**
     * Lock files this JVM holds. A JVM must never open such a file a second time: closing any descriptor
     * of a file drops every lock the process holds on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;

    SandboxUids(Path directory) {
        this.directory = directory;
    }

    /** A user no other child on this host runs as, until the lease is closed. */
    Lease take() throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        // A random start spreads graders over the range, so they rarely contend for the same file.
        int start = ThreadLocalRandom.current().nextInt(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int uid = FIRST_UID + (start + i) % COUNT;
            Path path = directory.resolve(uid + ".lock").toAbsolutePath();
            if (!HELD.add(path)) {
                continue; // held by another child of this grader
            }
            FileChannel file = null;
            try {
                file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (file.tryLock() != null) {
                    return new Lease(uid, path, file);
                }
            } catch (IOException | RuntimeException e) {
                HELD.remove(path);
                if (file != null) {
                    file.close();
                }
                throw e;
            }
            file.close();
            HELD.remove(path);
        }
        throw new IOException("all " + COUNT + " sandbox users (from " + FIRST_UID + ") are in use on this host");
    }

    /** A user taken for one child; closing it (after the child ended) frees the user. */
    static final class Lease implements AutoCloseable {

        private final int uid;
        private final Path path;
        private final FileChannel file;

        private Lease(int uid, Path path, FileChannel file) {
            this.uid = uid;
            this.path = path;
            this.file = file;
        }

        int uid() {
            return uid;
        }

        @Override
        public synchronized void close() {
            if (!file.isOpen()) {
                return;
            }
            try {
                file.close(); // releases the lock
            } catch (IOException e) {
                // The lock goes with the descriptor either way.
            }
            HELD.remove(path);
        }
    }
}
