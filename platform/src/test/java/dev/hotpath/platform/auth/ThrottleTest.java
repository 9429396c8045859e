package dev.hotpath.platform.auth;

import dev.hotpath.platform.db.Database;
import dev.hotpath.platform.db.SecretRepository;
import dev.hotpath.platform.db.ThrottleRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's counting on the database, on H2 as the platform uses it and in PostgreSQL mode:
 * free attempts, doubling waits up to the cap, forgetting, refunds, and exact counting when several
 * web nodes (here: throttles on one database) race on one key.
 */
class ThrottleTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Throttle.Rule RULE = new Throttle.Rule("test", 3, Duration.ofSeconds(30),
            Duration.ofMinutes(4), Duration.ofHours(1));
    private static final Throttle.Rules RULES = new Throttle.Rules(RULE, RULE, RULE);

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {";MODE=REGULAR", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
    void freeAttemptsThenDoublingWaitsUpToTheCapThenForgotten(String mode) {
        ManualClock clock = new ManualClock();
        try (Database database = open(mode)) {
            Throttle throttle = new Throttle(new ThrottleRepository(database.sql()), RULES, clock);
            for (int i = 0; i < 3; i++) {
                assertThat(throttle.attempt(RULE, "key")).as("free attempt %d", i + 1).isEmpty();
            }
            assertThat(throttle.attempt(RULE, "key")).hasValue(Duration.ofSeconds(30));
            assertThat(throttle.attempt(RULE, "other")).as("keys are apart").isEmpty();

            List<Duration> waits = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Duration wait = throttle.attempt(RULE, "key").orElseThrow();
                clock.advance(wait);
                assertThat(throttle.attempt(RULE, "key")).isEmpty();
                waits.add(throttle.attempt(RULE, "key").orElseThrow());
            }
            assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                    Duration.ofSeconds(240), Duration.ofSeconds(240));

            clock.advance(Duration.ofHours(1));
            assertThat(throttle.attempt(RULE, "key")).as("forgotten after an hour of quiet").isEmpty();
            assertThat(throttle.attempt(RULE, "key")).isEmpty();

            throttle.reset(RULE, "key");
            throttle.refund(RULE, "other");
            for (int i = 0; i < 3; i++) {
                assertThat(throttle.attempt(RULE, "key")).isEmpty();
            }
            assertThat(throttle.attempt(RULE, "key")).isPresent();
            for (int i = 0; i < 3; i++) {
                assertThat(throttle.attempt(RULE, "other")).as("refunded: all three free again").isEmpty();
            }
            assertThat(throttle.attempt(RULE, "other")).isPresent();

            clock.advance(Duration.ofHours(2));
            assertThat(throttle.forgetOld()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {";MODE=REGULAR", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
    void racingNodesGetExactlyTheFreeAttemptsBetweenThem(String mode) throws Exception {
        ManualClock clock = new ManualClock();
        try (Database database = open(mode)) {
            List<Throttle> nodes = List.of(new Throttle(new ThrottleRepository(database.sql()), RULES, clock),
                    new Throttle(new ThrottleRepository(database.sql()), RULES, clock));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<Duration>>> attempts = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    Throttle node = nodes.get(i % 2);
                    Callable<Optional<Duration>> attempt = () -> {
                        go.await();
                        return node.attempt(RULE, "raced");
                    };
                    attempts.add(pool.submit(attempt));
                }
                go.countDown();
                long allowed = 0;
                for (Future<Optional<Duration>> attempt : attempts) {
                    allowed += attempt.get().isEmpty() ? 1 : 0;
                }
                assertThat(allowed).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {";MODE=REGULAR", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
    void theFormSecretIsMadeOnceAndSharedAndBindsTokensToTheirCookie(String mode) {
        try (Database database = open(mode)) {
            SecretRepository secrets = new SecretRepository(database.sql());
            String first = secrets.secret("form-tokens", "one", START);
            assertThat(secrets.secret("form-tokens", "two", START)).isEqualTo(first).isEqualTo("one");

            FormTokens tokens = new FormTokens(first);
            String token = tokens.token("pre-session");
            assertThat(tokens.matches("pre-session", token)).isTrue();
            assertThat(tokens.matches("other", token)).isFalse();
            assertThat(tokens.matches("pre-session", "pre-session")).as("a pair of one's own choosing").isFalse();
            assertThat(new FormTokens("another secret").matches("pre-session", token)).isFalse();
            assertThat(tokens.matches(null, token)).isFalse();
        }
    }

    private static Database open(String mode) {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + mode, "sa", "");
    }
}
