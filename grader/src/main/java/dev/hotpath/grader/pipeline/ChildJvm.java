package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.child.MeasureCommand;
import dev.hotpath.grader.pipeline.ChannelHandler.ChannelViolation;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Starts a child JVM for one stage — inside the {@link Sandbox} when there is one — feeds its result
 * channel to a {@link ChannelHandler}, captures what it prints, and stops it when it runs out of
 * time, prints too much or misbehaves on the channel.
 */
final class ChildJvm {

    /** Output kept for the learner to read. */
    static final int KEPT_OUTPUT_BYTES = 64 * 1024;
    /** Output beyond this stops the child: no test needs to print megabytes. */
    static final long MAX_OUTPUT_BYTES = 8L * 1024 * 1024;
    static final int MAX_CHANNEL_LINE_BYTES = 64 * 1024;
    static final long MAX_CHANNEL_BYTES = 16L * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What to run.
     *
     * @param classpath     the exercise's and the submission's classes; the runtime (JUnit, JMH, the
     *                      grader's child runners) comes first, so nothing here can replace it
     * @param jvmOptions    options before the main class, e.g. limits for tests or measurement
     * @param heapMegabytes the heap (minimum = maximum)
     * @param workDir       the child's working and temporary directory when it is not sandboxed
     */
    record Spec(List<Path> classpath, List<String> jvmOptions, int heapMegabytes, String mainClass, List<String> args,
                Path workDir) {
    }

    /** Why the grader stopped a child. */
    enum StopCause {
        /** It ran past its wall-clock limit. */
        WALL_LIMIT,
        /** Its stage's handler said it is overdue (for example, a test over its time limit). */
        OVERDUE,
        /** It printed or sent too much, or sent something no honest child sends. */
        MISBEHAVED,
        /** The grader could not follow it to its end. */
        LOST
    }

    /** Why and how the grader stopped a child; {@code reason} completes "it was stopped because …". */
    record Stop(StopCause cause, String reason) {
    }

    /**
     * How the child ended.
     *
     * @param exitCode the exit code, or -1 when the grader stopped the child
     * @param stop     why the grader stopped the child; empty when it ended by itself
     * @param events   how many events it sent on its channel
     */
    record Outcome(int exitCode, Optional<Stop> stop, String output, long events) {

        boolean stopped() {
            return stop.isPresent();
        }

        /** Why the grader stopped the child; only for a stopped one. */
        String stopReason() {
            return stop.orElseThrow().reason();
        }

        static Outcome lost(String reason) {
            return new Outcome(-1, Optional.of(new Stop(StopCause.LOST, reason)), "", 0);
        }
    }

    private final @Nullable Sandbox sandbox;
    private final List<Path> runtime;

    /**
     * @param sandbox the sandbox to run children in, or null to run them unsandboxed
     * @param runtime the class path of the grader's child runners and their libraries
     */
    ChildJvm(@Nullable Sandbox sandbox, List<Path> runtime) {
        this.sandbox = sandbox;
        this.runtime = List.copyOf(runtime);
    }

    List<Path> runtime() {
        return runtime;
    }

    boolean sandboxed() {
        return sandbox != null;
    }

    /** Starts a child and runs it to the end. */
    Outcome run(Spec spec, ChannelHandler handler, Duration wallLimit) throws IOException, InterruptedException {
        try (Launched child = launch(spec, wallLimit)) {
            return child.run(handler);
        }
    }

    /**
     * Starts a child that boots and then waits for {@link Launched#run} before it runs anything of the
     * exercise's, so its start-up can overlap work the parent still has to do (compiling the submission).
     */
    Launched launch(Spec spec, Duration wallLimit) throws IOException {
        return new Launched(() -> start(spec, wallLimit), wallLimit);
    }

    /** One started process of a child, with its channel token and the sandbox user it holds. */
    private record Started(Process process, String token, Sandbox.Wrapped wrapped) {
    }

    private Started start(Spec spec, Duration wallLimit) throws IOException {
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        Sandbox.Wrapped wrapped = command(spec, wallLimit);
        ProcessBuilder builder = new ProcessBuilder(wrapped.command()).directory(spec.workDir().toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        // Fewer malloc arenas keep the JVM's address space within the sandbox's cap.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        try {
            return new Started(builder.start(), token, wrapped);
        } catch (IOException e) {
            wrapped.close();
            throw e;
        }
    }

    /** Starts the process of a child; once more when the sandbox could not be created the first time. */
    @FunctionalInterface
    private interface Starter {
        Started start() throws IOException;
    }

    /** A started child JVM; closing it stops it if it still runs. */
    static final class Launched implements AutoCloseable {

        private final Starter starter;
        private final Duration wallLimit;
        private Started started;
        private OutputCapture output;
        private AtomicReference<Stop> stopReason;
        private Thread outputReader;

        private Launched(Starter starter, Duration wallLimit) throws IOException {
            this.starter = starter;
            this.wallLimit = wallLimit;
            begin();
        }

        private void begin() throws IOException {
            started = starter.start();
            output = new OutputCapture(KEPT_OUTPUT_BYTES);
            stopReason = new AtomicReference<>();
            OutputCapture capture = output;
            AtomicReference<Stop> reason = stopReason;
            outputReader = daemon("hotpath-output", () -> readOutput(started.process().getErrorStream(), capture, reason));
            send(started.token());
        }

        /**
         * Lets the child go and follows it to the end, feeding its channel to {@code handler}. When the
         * kernel refused the sandbox's namespaces (a host-wide limit, for a moment), the child never ran:
         * it is started once more before that counts as a failure.
         */
        Outcome run(ChannelHandler handler) throws InterruptedException {
            Outcome outcome = runOnce(handler);
            if (outcome.events() == 0 && !outcome.stopped() && outcome.exitCode() != 0
                    && outcome.output().contains(Sandbox.NAMESPACE_FAILURE)) {
                close();
                try {
                    begin();
                } catch (IOException e) {
                    return outcome;
                }
                outcome = runOnce(handler);
            }
            return outcome;
        }

        private Outcome runOnce(ChannelHandler handler) throws InterruptedException {
            send("go");
            endInput();
            return follow(handler);
        }

        /**
         * Lets the child go, keeping its standard input open for {@link #tell} from another thread, and
         * follows it to the end.
         */
        Outcome converse(ChannelHandler handler) throws InterruptedException {
            send("go");
            return follow(handler);
        }

        /** Sends a measurement JVM its next command. */
        void tell(MeasureCommand command) {
            send(command.name());
        }

        /** Closes the child's standard input: a child waiting for a command ends. */
        void endInput() {
            try {
                started.process().getOutputStream().close();
            } catch (IOException e) {
                // Already gone; its exit code and output tell why.
            }
        }

        private Outcome follow(ChannelHandler handler) throws InterruptedException {
            Process process = started.process();
            AtomicLong events = new AtomicLong();
            ChannelHandler counting = event -> {
                events.incrementAndGet();
                handler.onEvent(event);
            };
            Thread channelReader = daemon("hotpath-channel", () ->
                    readChannel(process.getInputStream(), started.token(), counting, output, stopReason));
            long deadline = System.nanoTime() + wallLimit.toNanos();
            while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (stopReason.get() == null && now > deadline) {
                    stopReason.compareAndSet(null, new Stop(StopCause.WALL_LIMIT,
                            "it ran longer than the limit of " + wallLimit.toSeconds() + " s"));
                }
                handler.overdue(now).ifPresent(overdue -> stopReason.compareAndSet(null, new Stop(StopCause.OVERDUE, overdue)));
                if (stopReason.get() != null) {
                    destroyTree(process);
                    process.waitFor(5, TimeUnit.SECONDS);
                    break;
                }
            }
            channelReader.join(TimeUnit.SECONDS.toMillis(5));
            outputReader.join(TimeUnit.SECONDS.toMillis(5));
            destroyTree(process);
            Optional<Stop> stop = Optional.ofNullable(stopReason.get());
            return new Outcome(stop.isPresent() ? -1 : process.exitValue(), stop, output.text(), events.get());
        }

        private synchronized void send(String line) {
            try {
                OutputStream stdin = started.process().getOutputStream();
                stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
            } catch (IOException e) {
                // The child died early; its exit code and output tell why.
            }
        }

        /**
         * Stops the child if it still runs, and waits for it (its work directory is deleted next); then
         * frees its sandbox user.
         */
        @Override
        public void close() {
            Process process = started.process();
            destroyTree(process);
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                started.wrapped().close();
            }
        }
    }

    private Sandbox.Wrapped command(Spec spec, Duration wallLimit) throws IOException {
        List<Path> classpath = new ArrayList<>(runtime);
        classpath.addAll(spec.classpath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + spec.heapMegabytes() + "m");
        command.add("-Xmx" + spec.heapMegabytes() + "m");
        command.addAll(spec.jvmOptions());
        command.add("-Djava.io.tmpdir=" + (sandbox != null ? Sandbox.SCRATCH : spec.workDir().toString()));
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(spec.mainClass());
        command.addAll(spec.args());
        // Two cores' worth of CPU time over the wall limit, as a backstop to the wall clock.
        return sandbox == null ? new Sandbox.Wrapped(command, null)
                : sandbox.wrap(command, classpath, spec.heapMegabytes(), 2 * wallLimit.toSeconds() + 10);
    }

    /**
     * Reads a child's channel to its end: lines that start with the token carry an event frame for the
     * handler; other lines are the JVM's own output. Stops at the first violation, with its reason.
     */
    static void readChannel(InputStream in, String token, ChannelHandler handler, OutputCapture output,
                            AtomicReference<Stop> stopReason) {
        String prefix = token + " ";
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > MAX_CHANNEL_BYTES) {
                    misbehaved(stopReason, "it sent more than " + MAX_CHANNEL_BYTES + " bytes of results");
                    return;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        line.write(buffer[i]);
                        if (line.size() > MAX_CHANNEL_LINE_BYTES) {
                            misbehaved(stopReason, "it sent a malformed result line (too long)");
                            return;
                        }
                        continue;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    if (!text.startsWith(prefix)) {
                        output.appendLine(text); // the JVM itself printed to standard output
                        continue;
                    }
                    handler.onEvent(parse(text.substring(prefix.length())));
                }
            }
        } catch (ChannelViolation violation) {
            misbehaved(stopReason, violation.reason());
        } catch (IOException e) {
            // The stream closes when the child is destroyed.
        }
    }

    private static ChildEvent parse(String frame) throws ChannelViolation {
        try {
            return ChildEvent.decode(Base64.getDecoder().decode(frame));
        } catch (IllegalArgumentException e) {
            throw new ChannelViolation("it sent a malformed result line");
        } catch (ChildEvent.MalformedFrame e) {
            throw new ChannelViolation(e.reason());
        }
    }

    private static void readOutput(InputStream in, OutputCapture output, AtomicReference<Stop> stopReason) {
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                output.append(buffer, 0, read);
                if (output.totalBytes() > MAX_OUTPUT_BYTES) {
                    misbehaved(stopReason, "it printed more than " + MAX_OUTPUT_BYTES / (1024 * 1024)
                            + " MB of output");
                    return;
                }
            }
        } catch (IOException e) {
            // The stream closes when the child is destroyed.
        }
    }

    private static void misbehaved(AtomicReference<Stop> stopReason, String reason) {
        stopReason.compareAndSet(null, new Stop(StopCause.MISBEHAVED, reason));
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
