package dev.hotpath.hotlock.event;

/**
 * One account event: {@code amount} cents were booked on {@code account} (negative for a debit).
 * Events of one account commute: the balance is their sum whatever order they are applied in.
 *
 * @param id      unique within a stream, starting at 1
 * @param account the account, a positive number
 * @param amount  cents, never zero
 */
public record Event(long id, int account, long amount) {

    public Event {
        if (id < 1 || account < 1 || amount == 0) {
            throw new IllegalArgumentException("not a valid event: id " + id + ", account " + account
                    + ", amount " + amount);
        }
    }

    @Override
    public String toString() {
        return "event #" + id + " (account " + account + ", " + (amount > 0 ? "+" : "") + amount + ")";
    }
}
