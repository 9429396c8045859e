package dev.hotpath.grader.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** What a stage does with the events its child JVM reports. */
interface ChannelHandler {

    /**
     * Handles one event.
     *
     * @throws ChannelViolation if the event is not something an honest child sends
     */
    void onEvent(JsonNode event) throws ChannelViolation;

    /** A reason to stop the child now (for example, a test over its time limit), or null. */
    default @Nullable String overdue(long nowNanos) {
        return null;
    }

    /** An event no honest child sends: the child is stopped and the run fails with this message. */
    final class ChannelViolation extends Exception {
        ChannelViolation(String message) {
            super(message);
        }
    }
}
