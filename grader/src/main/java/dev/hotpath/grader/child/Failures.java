package dev.hotpath.grader.child;

/** Turns an exception from a test or benchmark into a message a learner can act on. */
final class Failures {

    private static final int MAX_FRAMES = 6;

    private Failures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof AssertionError) {
            String message = failure.getMessage();
            return message == null || message.isBlank() ? "assertion failed" : message;
        }
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 3; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append("\ncaused by: ");
            }
            text.append(current.getClass().getName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
            int shown = 0;
            for (StackTraceElement frame : current.getStackTrace()) {
                if (shown == MAX_FRAMES) {
                    break;
                }
                if (!isFramework(frame.getClassName())) {
                    text.append("\n    at ").append(frame);
                    shown++;
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return text.toString();
    }

    private static boolean isFramework(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("org.junit.") || className.startsWith("org.openjdk.jmh.")
                || className.startsWith("dev.hotpath.grader.");
    }
}
