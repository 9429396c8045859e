package dev.hotpath.grader.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a child JVM printed: the first {@code keepBytes} are kept for the learner, the rest only
 * counted. Thread-safe: a reader thread appends while the grader may read.
 */
final class OutputCapture {

    private final int keepBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    OutputCapture(int keepBytes) {
        this.keepBytes = keepBytes;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        int room = (int) Math.max(0, Math.min(length, keepBytes - total));
        kept.write(bytes, offset, room);
        total += length;
    }

    synchronized void appendLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        append(bytes, 0, bytes.length);
    }

    synchronized long totalBytes() {
        return total;
    }

    /** The kept output, with a notice of how much was left out. */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        long dropped = total - kept.size();
        return dropped > 0 ? text + "\n… output truncated: " + dropped + " more bytes not shown\n" : text;
    }
}
