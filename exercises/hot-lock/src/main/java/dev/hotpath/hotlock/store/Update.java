package dev.hotpath.hotlock.store;

import dev.hotpath.hotlock.event.Event;

import java.util.Objects;

/**
 * One row for the store: an event together with the state of its account right after the event was
 * applied. The store keeps each account's rows as a sequence, so the rows of one account must arrive
 * in the order they were applied: version 1, 2, 3, … with each balance equal to the one before plus
 * the event's amount.
 *
 * @param event   the event that changed the account
 * @param version how many events of this account have been applied, this one included (1 for the first)
 * @param balance the account's balance in cents after this event (accounts start at 0)
 */
public record Update(Event event, long version, long balance) {

    public Update {
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version + " for " + event);
        }
    }

    public int account() {
        return event.account();
    }
}
