package dev.hotpath.productapi.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's log. Production runs at level INFO: debug messages are not built (their supplier is
 * never called) and cost nothing.
 */
public final class Log {

    public enum Level { DEBUG, INFO }

    private final Level level;
    private final List<String> lines = new ArrayList<>();

    public Log(Level level) {
        this.level = level;
    }

    /** The production log: INFO. */
    public static Log production() {
        return new Log(Level.INFO);
    }

    public void debug(Supplier<String> message) {
        if (level == Level.DEBUG) {
            lines.add("DEBUG " + message.get());
        }
    }

    public void info(String message) {
        lines.add("INFO " + message);
    }

    /** What was logged, for checks. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
