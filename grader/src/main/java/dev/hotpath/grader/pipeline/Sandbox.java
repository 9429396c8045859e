package dev.hotpath.grader.pipeline;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The OS sandbox around every child JVM (docs/security.md): bubblewrap gives it its own user, PID,
 * network (loopback only), IPC and UTS namespaces, a read-only root with the JDK and the class path it
 * needs and nothing else, and one writable place: a size-limited private scratch directory that
 * vanishes with it.
 * prlimit caps its address space, open files, CPU time and file size; when the grader runs as root,
 * the child also runs as an unprivileged user of its own, so a process limit applies to it.
 */
public final class Sandbox {

    /** How a grader treats a missing sandbox. */
    public enum Mode {
        /** Refuse to grade without it: for servers that run strangers' code. */
        REQUIRED,
        /** Use it when the machine has it; otherwise grade unsandboxed and say so. */
        IF_AVAILABLE,
        /** Never use it. */
        OFF
    }

    /** Size of the private scratch directory (tmpfs). */
    static final long SCRATCH_BYTES = 64L * 1024 * 1024;
    /** Address space beyond the heap: metaspace, code cache, thread stacks, malloc arenas. */
    static final long NON_HEAP_BYTES = 1536L * 1024 * 1024;
    static final int MAX_PROCESSES = 512;
    static final int MAX_OPEN_FILES = 512;
    static final String SCRATCH = "/scratch";

    /** What bubblewrap says when the kernel refuses a namespace for a moment (limits reached). */
    static final String NAMESPACE_FAILURE = "bwrap: Creating new namespace failed";

    private final Path bwrap;
    private final Path prlimit;
    private final @Nullable Path setpriv;
    private final @Nullable SandboxUids uids;
    private final List<Path> javaHome;

    /**
     * @param setpriv how to drop root, with {@code uids} the users to drop to; both null when not root
     */
    Sandbox(Path bwrap, Path prlimit, @Nullable Path setpriv, @Nullable SandboxUids uids) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.uids = uids;
        this.javaHome = javaHomePaths();
    }

    /** The same sandbox started through another bubblewrap executable (tests use a wrapper that fails once). */
    Sandbox withBwrap(Path otherBwrap) {
        return new Sandbox(otherBwrap, prlimit, setpriv, uids);
    }

    /**
     * A sandboxed command line and the user it runs as, held until the child has ended.
     *
     * @param uid the child's user, or null when the grader is not root (then the child keeps the grader's)
     */
    record Wrapped(List<String> command, SandboxUids.@Nullable Lease uid) implements AutoCloseable {

        @Override
        public void close() {
            if (uid != null) {
                uid.close();
            }
        }
    }

    /**
     * The sandbox this machine offers, or empty with the reason in {@code whyNot}.
     *
     * @param whyNot receives a sentence for people when no sandbox is available
     */
    public static Optional<Sandbox> detect(StringBuilder whyNot) {
        Optional<Path> bwrap = onPath("bwrap");
        Optional<Path> prlimit = onPath("prlimit");
        if (bwrap.isEmpty() || prlimit.isEmpty()) {
            whyNot.append(bwrap.isEmpty() ? "bubblewrap (bwrap) is not installed" : "prlimit (util-linux) is not installed");
            return Optional.empty();
        }
        boolean root = isRoot();
        Optional<Path> setpriv = root ? onPath("setpriv") : Optional.empty();
        if (root && setpriv.isEmpty()) {
            whyNot.append("setpriv (util-linux) is not installed, so the sandbox cannot drop root");
            return Optional.empty();
        }
        Sandbox sandbox = new Sandbox(bwrap.get(), prlimit.get(), setpriv.orElse(null),
                root ? new SandboxUids(SandboxUids.HOST_DIRECTORY) : null);
        String problem = sandbox.tryOut();
        if (problem != null) {
            whyNot.append("bubblewrap cannot create a sandbox here: ").append(problem);
            return Optional.empty();
        }
        return Optional.of(sandbox);
    }

    /**
     * Wraps a {@code java} command line.
     *
     * @param readOnly      paths the child may read (class path entries); nothing else of the host is visible
     * @param heapMegabytes the child's heap, to size the address-space cap
     * @param cpuSeconds    CPU time after which the kernel stops the child
     */
    Wrapped wrap(List<String> javaCommand, List<Path> readOnly, int heapMegabytes, long cpuSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(prlimit.toString(),
                "--as=" + (heapMegabytes * 1024L * 1024 + NON_HEAP_BYTES),
                "--nofile=" + MAX_OPEN_FILES,
                "--core=0",
                "--cpu=" + cpuSeconds,
                "--fsize=" + 2 * SCRATCH_BYTES));
        SandboxUids.Lease lease = null;
        if (setpriv != null) {
            // Root is exempt from process limits, so the child gets an unprivileged user of its own.
            lease = Objects.requireNonNull(uids, "setpriv comes with uids").take();
            int uid = lease.uid();
            command.add("--nproc=" + MAX_PROCESSES);
            command.add("--");
            command.addAll(List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                    "--no-new-privs"));
        } else {
            command.add("--");
        }
        command.addAll(List.of(bwrap.toString(),
                "--unshare-all", "--die-with-parent", "--new-session", "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
                "--proc", "/proc", "--dev", "/dev",
                "--size", String.valueOf(SCRATCH_BYTES), "--tmpfs", SCRATCH,
                "--chdir", SCRATCH));
        Set<Path> binds = new LinkedHashSet<>(javaHome);
        binds.addAll(readOnly);
        for (Path path : binds) {
            if (!path.startsWith("/usr")) {
                command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        // bubblewrap builds / and /dev as tmpfs mounts of half the host's RAM each, writable by the child
        // and counted in the host's shared memory: only the sized scratch directory may stay writable
        // (device nodes such as /dev/null still work on a read-only mount; /dev/shm goes read-only with it).
        command.addAll(List.of("--remount-ro", "/dev", "--remount-ro", "/"));
        command.addAll(javaCommand);
        return new Wrapped(command, lease);
    }

    /** Runs {@code true} in a sandbox; returns why that failed, or null. */
    private @Nullable String tryOut() {
        try (Wrapped wrapped = wrap(List.of("/usr/bin/true"), List.of(), 64, 5)) {
            Process process = new ProcessBuilder(wrapped.command()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "a trial run did not finish";
            }
            return process.exitValue() == 0 ? null : output.isEmpty() ? "exit code " + process.exitValue() : output;
        } catch (IOException e) {
            return Objects.requireNonNullElse(e.getMessage(), e.toString()); // never null: null means it worked
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The running JDK and what its symbolic links point to outside it (Debian keeps conf in /etc). */
    private static List<Path> javaHomePaths() {
        Set<Path> paths = new LinkedHashSet<>();
        try {
            Path home = Path.of(System.getProperty("java.home")).toRealPath();
            paths.add(home);
            try (Stream<Path> files = Files.walk(home, 3)) {
                for (Path file : files.filter(Files::isSymbolicLink).filter(Files::exists).toList()) {
                    Path target = file.toRealPath();
                    if (!target.startsWith(home)) {
                        paths.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve the JDK's location for the sandbox", e);
        }
        return List.copyOf(paths);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":", -1)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
