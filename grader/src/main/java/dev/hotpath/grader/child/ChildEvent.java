package dev.hotpath.grader.child;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a child JVM reports to the grader, one frame per event: a tag byte, then the record's fields in
 * order (strings as modified UTF-8, numbers in binary, byte arrays with their length). Both sides use
 * these records, so a field cannot be misspelt on one side and read wrongly on the other; the parent
 * decodes with {@link #decode}, which rejects unknown tags, truncated frames and trailing bytes.
 * The child's class path has no JSON library, and needs none: this is the whole format.
 */
public sealed interface ChildEvent {

    /** Longest string a frame carries; longer ones are cut, so a frame stays well under the channel's line limit. */
    int MAX_STRING_CHARS = 8_000;
    /** Longest byte array a frame carries (a part of a class file or of a recording). */
    int MAX_BYTES = 24 * 1024;

    /** The run (tests, measurement, compile, profile) finished normally. */
    record Done() implements ChildEvent {
    }

    /** The runner itself failed; {@code message} says how (for the compiler: the exception's class name). */
    record Crashed(String message) implements ChildEvent {
    }

    /** JUnit registered a dynamic test (an invocation of a parameterized test) under {@code parent}. */
    record Registered(String id, String parent, String name) implements ChildEvent {
    }

    record TestStarted(String id) implements ChildEvent {
    }

    record TestSkipped(String id, String reason) implements ChildEvent {
    }

    /** JUnit's own result statuses. */
    enum TestStatus { SUCCESSFUL, ABORTED, FAILED }

    record TestFinished(String id, TestStatus status, String message) implements ChildEvent {
    }

    /** A counter metric's value. */
    record Counted(String metric, long value) implements ChildEvent {
    }

    /** What a counter's diagnostic says about the submission's run; empty when it has nothing to say. */
    record Diagnosed(String metric, String text) implements ChildEvent {
    }

    /** One benchmark slice: JMH's score per wall-clock second and the same work per CPU-second. */
    record Sliced(String metric, boolean warmup, double value, double perCpu) implements ChildEvent {
    }

    /** A metric could not be measured: the code under measurement threw. */
    record MetricFailed(String metric, String message) implements ChildEvent {
    }

    record CompileErrorFound(String file, long line, long column, String message) implements ChildEvent {
    }

    /** A part of a compiled class file, in order. */
    @SuppressWarnings("ArrayRecordComponent") // raw bytes passed on, never compared or hashed
    record ClassPart(String name, byte[] data) implements ChildEvent {
    }

    /** A part of a flight recording, in order. */
    @SuppressWarnings("ArrayRecordComponent") // raw bytes passed on, never compared or hashed
    record RecordingPart(byte[] data) implements ChildEvent {
    }

    /**
     * An enum constant as its position: both ends load this same class from the same jar, so the order
     * cannot differ between writer and reader.
     */
    @SuppressWarnings("EnumOrdinal")
    private static void writeOrdinal(DataOutputStream out, Enum<?> constant) throws IOException {
        out.writeByte(constant.ordinal());
    }

    /** Thrown by {@link #decode} on bytes that are not a frame. */
    final class MalformedFrame extends Exception {
        private final String reason;

        MalformedFrame(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** What is wrong with the frame, said of the child ("it sent …"). */
        public String reason() {
            return reason;
        }
    }

    /** The frame of an event. */
    static byte[] encode(ChildEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (event instanceof Done) {
                out.writeByte(0);
            } else if (event instanceof Crashed e) {
                out.writeByte(1);
                string(out, e.message());
            } else if (event instanceof Registered e) {
                out.writeByte(2);
                string(out, e.id());
                string(out, e.parent());
                string(out, e.name());
            } else if (event instanceof TestStarted e) {
                out.writeByte(3);
                string(out, e.id());
            } else if (event instanceof TestSkipped e) {
                out.writeByte(4);
                string(out, e.id());
                string(out, e.reason());
            } else if (event instanceof TestFinished e) {
                out.writeByte(5);
                string(out, e.id());
                writeOrdinal(out, e.status());
                string(out, e.message());
            } else if (event instanceof Counted e) {
                out.writeByte(6);
                string(out, e.metric());
                out.writeLong(e.value());
            } else if (event instanceof Sliced e) {
                out.writeByte(7);
                string(out, e.metric());
                out.writeBoolean(e.warmup());
                out.writeDouble(e.value());
                out.writeDouble(e.perCpu());
            } else if (event instanceof MetricFailed e) {
                out.writeByte(8);
                string(out, e.metric());
                string(out, e.message());
            } else if (event instanceof CompileErrorFound e) {
                out.writeByte(9);
                string(out, e.file());
                out.writeLong(e.line());
                out.writeLong(e.column());
                string(out, e.message());
            } else if (event instanceof ClassPart e) {
                out.writeByte(10);
                string(out, e.name());
                bytes(out, e.data());
            } else if (event instanceof RecordingPart e) {
                out.writeByte(11);
                bytes(out, e.data());
            } else if (event instanceof Diagnosed e) {
                out.writeByte(12);
                string(out, e.metric());
                string(out, e.text());
            } else {
                throw new IllegalArgumentException("no frame for " + event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The event in a frame; anything else (unknown tag, truncated, trailing bytes, bad values) is refused. */
    static ChildEvent decode(byte[] frame) throws MalformedFrame {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        try {
            ChildEvent event = switch (in.readUnsignedByte()) {
                case 0 -> new Done();
                case 1 -> new Crashed(in.readUTF());
                case 2 -> new Registered(in.readUTF(), in.readUTF(), in.readUTF());
                case 3 -> new TestStarted(in.readUTF());
                case 4 -> new TestSkipped(in.readUTF(), in.readUTF());
                case 5 -> new TestFinished(in.readUTF(), choice(TestStatus.values(), in.readUnsignedByte()), in.readUTF());
                case 6 -> new Counted(in.readUTF(), in.readLong());
                case 7 -> new Sliced(in.readUTF(), in.readBoolean(), in.readDouble(), in.readDouble());
                case 8 -> new MetricFailed(in.readUTF(), in.readUTF());
                case 9 -> new CompileErrorFound(in.readUTF(), in.readLong(), in.readLong(), in.readUTF());
                case 10 -> new ClassPart(in.readUTF(), bytes(in));
                case 11 -> new RecordingPart(bytes(in));
                case 12 -> new Diagnosed(in.readUTF(), in.readUTF());
                default -> throw new MalformedFrame("it sent an event of an unknown kind");
            };
            if (in.available() > 0) {
                throw new MalformedFrame("it sent a malformed result (bytes after the event)");
            }
            return event;
        } catch (IOException e) {
            // EOFException (truncated) or UTFDataFormatException (not modified UTF-8).
            throw new MalformedFrame("it sent a malformed result (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static <E extends Enum<E>> E choice(E[] values, int ordinal) throws IOException {
        if (ordinal >= values.length) {
            throw new IOException("no such value");
        }
        return values[ordinal];
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.writeUTF(value.length() > MAX_STRING_CHARS ? value.substring(0, MAX_STRING_CHARS) + "…" : value);
    }

    private static void bytes(DataOutputStream out, byte[] data) throws IOException {
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException("a frame carries at most " + MAX_BYTES + " bytes, not " + data.length);
        }
        out.writeInt(data.length);
        out.write(data);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES || length > in.available()) {
            throw new IOException("bad length");
        }
        return in.readNBytes(length);
    }
}
