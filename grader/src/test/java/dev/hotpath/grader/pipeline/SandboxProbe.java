package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildChannel;
import dev.hotpath.grader.child.ChildEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs inside a (sandboxed) child JVM and tries what hostile code would, reporting each outcome as a
 * {@link ChildEvent.TestSkipped} event (probe, result). It is test code, so the bytecode policy does not apply to it: this is how the
 * layers under the policy are tested on their own. Arguments: {@code name=argument} probes.
 */
public final class SandboxProbe {

    public static void main(String[] args) throws Exception {
        ChildChannel channel = ChildChannel.open();
        for (String arg : args) {
            String name = arg.substring(0, arg.indexOf('='));
            String argument = arg.substring(arg.indexOf('=') + 1);
            String result;
            try {
                result = probe(name, argument);
            } catch (Throwable t) {
                result = "threw " + t;
            }
            // A probe's outcome travels as a pair of texts: the probe and what it got.
            channel.send(new ChildEvent.TestSkipped(arg, result));
        }
        channel.send(new ChildEvent.Done());
        ChildChannel.halt();
    }

    private static String probe(String name, String argument) throws Exception {
        switch (name) {
            case "connect" -> {
                String[] hostPort = argument.split(":", -1);
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
                    return "connected";
                }
            }
            case "exists" -> {
                return String.valueOf(Files.exists(Path.of(argument)));
            }
            case "write" -> {
                Files.writeString(Path.of(argument), "written");
                return "written";
            }
            case "fill" -> {
                long written = 0;
                try (OutputStream out = Files.newOutputStream(Path.of(argument))) {
                    byte[] block = new byte[1 << 20];
                    while (written < (1L << 30)) {
                        out.write(block);
                        written += block.length;
                    }
                } catch (IOException e) {
                    return "stopped after " + written / (1 << 20) + " MB: " + e.getMessage();
                }
                return "wrote " + written / (1 << 20) + " MB";
            }
            case "host-shared-memory" -> {
                // /proc/meminfo is the host's, even in the sandbox: tmpfs pages count as Shmem there.
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("Shmem:"))
                        .findFirst().orElseThrow().replaceAll("\\D", "");
            }
            case "processes" -> {
                return ProcessHandle.current().pid() + " " + ProcessHandle.allProcesses().count();
            }
            case "environment" -> {
                return String.valueOf(System.getenv().keySet().stream().sorted().toList());
            }
            case "threads" -> {
                List<Thread> started = new ArrayList<>();
                try {
                    for (int i = 0; i < 5_000; i++) {
                        Thread thread = new Thread(() -> sleepQuietly(60_000));
                        thread.setDaemon(true);
                        thread.start();
                        started.add(thread);
                    }
                    return "started 5000";
                } catch (OutOfMemoryError e) {
                    return "stopped after " + started.size() + ": " + e.getMessage();
                }
            }
            case "native-memory" -> {
                var field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                field.setAccessible(true);
                Object unsafe = field.get(null);
                var allocate = unsafe.getClass().getMethod("allocateMemory", long.class);
                long total = 0;
                try {
                    while (total < (8L << 30)) {
                        allocate.invoke(unsafe, 64L << 20);
                        total += 64L << 20;
                    }
                    return "allocated " + (total >> 20) + " MB";
                } catch (java.lang.reflect.InvocationTargetException e) {
                    return "stopped after " + (total >> 20) + " MB: " + e.getCause();
                }
            }
            case "module" -> {
                return Class.forName(argument).getName();
            }
            case "jvm" -> {
                Runtime runtime = Runtime.getRuntime();
                return "processors=" + runtime.availableProcessors() + " heap=" + (runtime.maxMemory() >> 20)
                        + " gc=" + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
            }
            case "spawn-and-hang" -> {
                new ProcessBuilder("/usr/bin/sleep", argument).start();
                sleepQuietly(600_000);
                return "woke up";
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
