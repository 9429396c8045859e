package dev.hotpath.grader.profile;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a JFR recording made by a child JVM into a {@link Profile}. The file comes from code the
 * grader does not trust, so it is read like any hostile input: refused above a size, read on a
 * thread of its own that is abandoned after a deadline, with a cap on events, and every failure of
 * the JDK's parser (including a huge allocation it was tricked into) becomes a {@link ProfileException}.
 */
public final class JfrProfileReader {

    /** Far above what the profiling run writes (about 1–3 MB), far below what could hurt the grader. */
    public static final long MAX_RECORDING_BYTES = 12L * 1024 * 1024;
    static final long MAX_EVENTS = 2_000_000;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    private final Set<String> exercisePackages;
    private final Duration deadline;

    /** @param exercisePackages packages whose frames make a stack the exercise's ({@link StackCollapser}) */
    public JfrProfileReader(Set<String> exercisePackages, Duration deadline) {
        this.exercisePackages = Set.copyOf(exercisePackages);
        this.deadline = deadline;
    }

    public Profile read(Path recording) throws ProfileException {
        long size;
        try {
            size = Files.size(recording);
        } catch (IOException e) {
            throw new ProfileException("the recording " + recording.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        if (size > MAX_RECORDING_BYTES) {
            throw new ProfileException("the recording is " + size + " bytes, more than the limit of "
                    + MAX_RECORDING_BYTES + " bytes");
        }
        AtomicBoolean abandoned = new AtomicBoolean();
        FutureTask<Profile> task = new FutureTask<>(() -> parse(recording, size, abandoned));
        Thread reader = new Thread(task, "hotpath-profile-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            reader.interrupt();
            throw new ProfileException("reading the recording took longer than the limit of " + seconds(deadline));
        } catch (InterruptedException e) {
            abandoned.set(true);
            Thread.currentThread().interrupt();
            throw new ProfileException("reading the recording was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProfileException problem) {
                throw problem;
            }
            throw new ProfileException("the recording is not a readable JFR file: " + cause, cause);
        }
    }

    private Profile parse(Path recording, long size, AtomicBoolean abandoned) throws ProfileException {
        Map<ProfileView, StackCollapser> views = new EnumMap<>(ProfileView.class);
        for (ProfileView view : ProfileView.values()) {
            views.put(view, new StackCollapser(view, exercisePackages));
        }
        Instant first = null;
        Instant last = null;
        long events = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                if (abandoned.get()) {
                    throw new ProfileException("abandoned");
                }
                if (++events > MAX_EVENTS) {
                    throw new ProfileException("the recording holds more than " + MAX_EVENTS + " events");
                }
                RecordedEvent event = file.readEvent();
                Instant start = event.getStartTime();
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
                add(views, event);
            }
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // The JDK's parser trusts the file's lengths and counts; a hostile file turns that into any of these.
            throw new ProfileException("the recording is not a readable JFR file: " + e, e);
        }
        List<FlameGraph> graphs = new ArrayList<>();
        views.values().forEach(view -> graphs.add(view.graph()));
        long millis = first == null ? 0 : Math.max(0, Duration.between(first, last).toMillis());
        return new Profile(millis, size, graphs);
    }

    private static void add(Map<ProfileView, StackCollapser> views, RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null) {
            return;
        }
        List<String> frames = new ArrayList<>(trace.getFrames().size());
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod() != null && frame.getMethod().getType() != null) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> Objects.requireNonNull(views.get(ProfileView.CPU)).add(frames, null, 1);
            case "jdk.ObjectAllocationSample" -> Objects.requireNonNull(views.get(ProfileView.ALLOCATION))
                    .add(frames, "new " + typeName(classField(event, "objectClass")), event.getLong("weight"));
            case "jdk.JavaMonitorEnter" -> waited(views, frames, event, "blocked on the monitor of "
                    + typeName(classField(event, "monitorClass")));
            case "jdk.JavaMonitorWait" -> waited(views, frames, event, "in wait() on "
                    + typeName(classField(event, "monitorClass")));
            case "jdk.ThreadPark" -> waited(views, frames, event, classField(event, "parkedClass") == null ? "parked"
                    : "parked on " + typeName(classField(event, "parkedClass")));
            case "jdk.ThreadSleep" -> waited(views, frames, event, "sleeping");
            default -> {
                // Other events the JVM always records (settings, metadata): not part of any view.
            }
        }
    }

    private static void waited(Map<ProfileView, StackCollapser> views, List<String> frames, RecordedEvent event,
                               String leaf) {
        Objects.requireNonNull(views.get(ProfileView.WAITING))
                .add(frames, "[" + leaf + "]", event.getDuration().toNanos() / 1_000);
    }

    private static @Nullable RecordedClass classField(RecordedEvent event, String field) {
        return event.hasField(field) ? event.getValue(field) instanceof RecordedClass type ? type : null : null;
    }

    /** {@code byte[]} rather than {@code [B}; "something" when the JVM did not name it (parking without a blocker). */
    static String typeName(@Nullable RecordedClass type) {
        if (type == null || type.getName() == null) {
            return "nothing named";
        }
        String name = type.getName();
        int dimensions = 0;
        while (name.startsWith("[")) {
            dimensions++;
            name = name.substring(1);
        }
        if (dimensions > 0) {
            name = switch (name) {
                case "B" -> "byte";
                case "C" -> "char";
                case "I" -> "int";
                case "J" -> "long";
                case "S" -> "short";
                case "Z" -> "boolean";
                case "F" -> "float";
                case "D" -> "double";
                default -> name.startsWith("L") && name.endsWith(";") ? name.substring(1, name.length() - 1) : name;
            };
        }
        return StackCollapser.frameName(name) + "[]".repeat(dimensions);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
