package dev.hotpath.grader.pipeline;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One measurement at a time on the whole host, across every grader process (platform, workers, CLI):
 * two measurements side by side would measure each other. A fair semaphore orders the gradings of
 * this JVM; an OS file lock, which the kernel releases when a process dies, orders the processes.
 * The lock file lives in {@code $HOTPATH_HOST_DIR} (default: {@code hotpath-host} under the system's
 * temporary directory); every grader on a host must see the same directory.
 */
final class HostMeasurementLock {

    /** A held lock; closing it (once or more) lets the next measurement start. */
    static final class Held implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;
        private final long acquiredNanos;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Held(FileChannel channel, FileLock lock, long acquiredNanos) {
            this.channel = channel;
            this.lock = lock;
            this.acquiredNanos = acquiredNanos;
        }

        /** When the lock was taken, on {@link System#nanoTime()}'s scale. */
        long acquiredNanos() {
            return acquiredNanos;
        }

        boolean valid() {
            return lock.isValid();
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel released the lock anyway.
            } finally {
                IN_PROCESS.release();
            }
        }
    }

    static final String LOCK_FILE = "measurement.lock";
    private static final Semaphore IN_PROCESS = new Semaphore(1, true);

    private HostMeasurementLock() {
    }

    /** The host-wide directory graders share. */
    static Path hostDirectory() {
        String configured = System.getenv("HOTPATH_HOST_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "hotpath-host");
    }

    /**
     * Waits for the host's measurement lock.
     *
     * @param directory the host-wide directory ({@link #hostDirectory()})
     * @param waiting   called once if another measurement holds it, before this call waits
     */
    static Held acquire(Path directory, Runnable waiting) throws GradingException {
        boolean told = false;
        if (!IN_PROCESS.tryAcquire()) {
            waiting.run();
            told = true;
            IN_PROCESS.acquireUninterruptibly();
        }
        Path file = directory.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!told) {
                    waiting.run();
                }
                lock = channel.lock();
            }
            return new Held(channel, lock, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.release();
            closeQuietly(channel);
            throw new GradingException("cannot take the host's measurement lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing held yet.
            }
        }
    }
}
