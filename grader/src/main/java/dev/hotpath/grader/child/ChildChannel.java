package dev.hotpath.grader.child;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The child JVM's side of the result channel: raw facts, one {@link ChildEvent} frame per line on the
 * process's real standard output, each line prefixed with a token the parent sent on standard input. Before any
 * exercise code runs, {@code System.out} is pointed at standard error, so whatever the submission
 * prints becomes captured output and never reaches the channel.
 */
public final class ChildChannel {

    private final PrintStream channel;
    private final String token;
    private final BufferedReader parent;

    private ChildChannel(PrintStream channel, String token, BufferedReader parent) {
        this.channel = channel;
        this.token = token;
        this.parent = parent;
    }

    /** Takes over standard output and reads the token; call first thing in {@code main}. */
    public static ChildChannel open() throws IOException {
        PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String token = parent.readLine();
        if (token == null || token.isBlank()) {
            throw new IOException("no channel token on standard input");
        }
        System.setIn(InputStream.nullInputStream());
        return new ChildChannel(channel, token.strip(), parent);
    }

    /**
     * Waits until the parent says go; a parent that gave up on this child (its submission did not
     * compile) closes standard input instead, and the child ends quietly.
     */
    public void awaitGo() throws IOException {
        if (!"go".equals(parent.readLine())) {
            halt();
        }
    }

    /**
     * The parent's next command; a parent that stopped following this child closes standard input
     * instead, and the child ends quietly.
     */
    public MeasureCommand awaitCommand() throws IOException {
        String line = parent.readLine();
        if (line == null) {
            halt();
        }
        return MeasureCommand.valueOf(line);
    }

    /** Sends one event: a {@link ChildEvent} frame, in base64 so that it fits on one line after the token. */
    public synchronized void send(ChildEvent event) {
        channel.print(token + " " + Base64.getEncoder().encodeToString(ChildEvent.encode(event)) + "\n");
        channel.flush();
    }

    /** Ends the child JVM at once: no shutdown hooks, no waiting for threads the submission left behind. */
    public static void halt() {
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }
}
