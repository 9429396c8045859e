package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;

import java.util.Optional;

/** What a stage does with the events its child JVM reports. */
interface ChannelHandler {

    /**
     * Handles one event.
     *
     * @throws ChannelViolation if the event is not something an honest child sends
     */
    void onEvent(ChildEvent event) throws ChannelViolation;

    /** A reason to stop the child now (for example, a test over its time limit), if there is one. */
    default Optional<String> overdue(long nowNanos) {
        return Optional.empty();
    }

    /** An event no honest child sends: the child is stopped and the run fails with this message. */
    final class ChannelViolation extends Exception {
        private final String reason;

        ChannelViolation(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** Why the child is stopped, as the run's failure says it. */
        String reason() {
            return reason;
        }
    }
}
