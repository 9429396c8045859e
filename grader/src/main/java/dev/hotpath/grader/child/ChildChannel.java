package dev.hotpath.grader.child;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM's side of the result channel: raw facts, one JSON object per line on the process's
 * real standard output, each line prefixed with a token the parent sent on standard input. Before any
 * exercise code runs, {@code System.out} is pointed at standard error, so whatever the submission
 * prints becomes captured output and never reaches the channel.
 */
public final class ChildChannel {

    /** Longest value sent; the parent rejects longer lines. */
    static final int MAX_VALUE_CHARS = 8_000;

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
     * The parent's next command line; a parent that stopped following this child closes standard input
     * instead, and the child ends quietly.
     */
    public String awaitCommand() throws IOException {
        String line = parent.readLine();
        if (line == null) {
            halt();
        }
        return line;
    }

    /** Sends one event: {@code type} and alternating keys and values. */
    public synchronized void send(String type, Object... keysAndValues) {
        StringBuilder line = new StringBuilder(token).append(" {\"event\":");
        quote(line, type);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            line.append(',');
            quote(line, String.valueOf(keysAndValues[i]));
            line.append(':');
            Object value = keysAndValues[i + 1];
            if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                quote(line, String.valueOf(value));
            }
        }
        channel.print(line.append("}\n"));
        channel.flush();
    }

    private static void quote(StringBuilder out, String value) {
        String text = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Ends the child JVM at once: no shutdown hooks, no waiting for threads the submission left behind. */
    public static void halt() {
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }
}
