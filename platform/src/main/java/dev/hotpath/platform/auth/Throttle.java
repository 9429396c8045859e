package dev.hotpath.platform.auth;

import dev.hotpath.platform.db.ThrottleRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts attempts per key in the database and spaces them out once a key has used its free ones:
 * after {@link Rule#free()} attempts, each further one first waits {@link Rule#firstDelay()},
 * doubling with every attempt up to {@link Rule#maxDelay()}. A key untouched for
 * {@link Rule#forgetAfter()} starts afresh. An attempt is counted before it is tried (a login before
 * its password is checked), so concurrent attempts on several web nodes cannot slip past the count;
 * counting is compare-and-set on the row, retried on contention.
 */
public final class Throttle {

    /** How one kind of attempt is throttled. */
    public record Rule(String kind, int free, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
    }

    /**
     * The limits, one for each kind of attempt.
     *
     * @param loginPerAccount  wrong passwords for one account (whether it exists or not, so throttling reveals nothing)
     * @param loginPerAddress  wrong passwords from one client address, over all accounts
     * @param signupPerAddress new accounts from one client address
     */
    public record Rules(Rule loginPerAccount, Rule loginPerAddress, Rule signupPerAddress) {

        /**
         * Five tries per account, then 30 s, doubling to 15 min; thirty per address (a classroom may
         * share one); twenty new accounts per address (a classroom's worth), then one a minute, doubling.
         */
        public static final Rules DEFAULT = new Rules(
                new Rule("login-account", 5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
                new Rule("login-address", 30, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
                new Rule("signup-address", 20, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1)));
    }

    private static final int CONTENTION_RETRIES = 20;

    private final ThrottleRepository counters;
    private final Rules rules;
    private final Clock clock;

    public Throttle(ThrottleRepository counters, Rules rules, Clock clock) {
        this.counters = counters;
        this.rules = rules;
        this.clock = clock;
    }

    public Rules rules() {
        return rules;
    }

    /**
     * Counts one attempt for {@code key} under {@code rule}.
     *
     * @return empty when the attempt may go ahead; otherwise how long to wait (it was not counted)
     */
    public Optional<Duration> attempt(Rule rule, String key) {
        String hash = Tokens.sha256(rule.kind() + "\n" + key);
        for (int i = 0; i < CONTENTION_RETRIES; i++) {
            Instant now = clock.instant();
            Optional<ThrottleRepository.Counter> counter = counters.find(hash);
            if (counter.isEmpty()) {
                if (counters.insert(hash, rule.kind(), 1, now, blockedUntil(rule, 1, now))) {
                    return Optional.empty();
                }
                continue;
            }
            ThrottleRepository.Counter current = counter.get();
            if (current.blockedUntil().isAfter(now)) {
                return Optional.of(Duration.between(now, current.blockedUntil()));
            }
            boolean forgotten = !current.lastAttemptAt().plus(rule.forgetAfter()).isAfter(now);
            int attempts = (forgotten ? 0 : current.attempts()) + 1;
            if (counters.update(hash, current.version(), attempts, now, blockedUntil(rule, attempts, now))) {
                return Optional.empty();
            }
        }
        // Many nodes racing on one key: that is an attack on it, and waiting a moment is the right answer.
        return Optional.of(Duration.ofSeconds(1));
    }

    /** Gives back the attempt of {@code key}: a login from this address that turned out right. */
    public void refund(Rule rule, String key) {
        counters.refund(Tokens.sha256(rule.kind() + "\n" + key));
    }

    /** Clears {@code key}: the account's owner logged in. */
    public void reset(Rule rule, String key) {
        counters.delete(Tokens.sha256(rule.kind() + "\n" + key));
    }

    /** Forgets counters nobody touched for longer than any rule remembers; called at start. */
    public int forgetOld() {
        Duration keep = Stream.of(rules.loginPerAccount(), rules.loginPerAddress(), rules.signupPerAddress())
                .map(Rule::forgetAfter).max(Duration::compareTo).orElseThrow();
        return counters.deleteOlderThan(clock.instant().minus(keep));
    }

    private static Instant blockedUntil(Rule rule, int attempts, Instant now) {
        int beyond = attempts - rule.free();
        if (beyond < 0) {
            return now;
        }
        // 2^beyond capped before it overflows; the cap on the delay applies after.
        Duration delay = rule.firstDelay().multipliedBy(1L << Math.min(beyond, 30));
        return now.plus(delay.compareTo(rule.maxDelay()) > 0 ? rule.maxDelay() : delay);
    }
}
