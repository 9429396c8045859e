package dev.hotpath.platform.auth;

import dev.hotpath.platform.db.DatabaseException;
import dev.hotpath.platform.db.UserRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing up and logging in, neither of which tells who has an account: a sign-up for an email that
 * has one already does the same work (a bcrypt hash) and answers the same, changing nothing, and
 * signing up never signs in (the new account's owner logs in next, like everyone). Logins are
 * throttled per account and per client address, sign-ups per client address ({@link Throttle}).
 * The instructor's email (from {@code --instructor} or
 * {@code HOTPATH_INSTRUCTOR_EMAIL}) becomes an instructor account when it signs up, or at start when
 * it exists already.
 */
public final class Accounts {

    static final int MIN_PASSWORD_CHARS = 8;
    static final int MAX_EMAIL_CHARS = 254;
    static final int MAX_NAME_CHARS = 80;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Optional<String> instructorEmail;
    private final Throttle throttle;
    private final Clock clock;

    public Accounts(UserRepository users, PasswordHasher hasher, Optional<String> instructorEmail, Throttle throttle,
                    Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.instructorEmail = instructorEmail.map(Accounts::normalizeEmail);
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Makes the configured instructor's account an instructor, if it exists already. */
    public void promoteInstructor() {
        instructorEmail.ifPresent(email -> users.setRole(email, Role.INSTRUCTOR));
    }

    /**
     * Makes the account unless the email has one already, and answers the same either way.
     *
     * @param clientAddress who asks (as {@code TrustedProxies} tells it), for the per-address limit
     */
    public void signUp(String email, String displayName, String password, String clientAddress)
            throws AccountException, TooManyAttemptsException {
        String normalized = normalizeEmail(email);
        if (normalized.isEmpty()) {
            throw new AccountException("Enter your email address.");
        }
        if (normalized.length() > MAX_EMAIL_CHARS || !EMAIL.matcher(normalized).matches()) {
            throw new AccountException("\"" + email.strip() + "\" is not an email address.");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new AccountException("Enter the name other people see, e.g. your first name.");
        }
        if (name.length() > MAX_NAME_CHARS || name.chars().anyMatch(Character::isISOControl)) {
            throw new AccountException("A name has at most " + MAX_NAME_CHARS + " characters and no control characters.");
        }
        checkPassword(password);
        Optional<Duration> wait = throttle.attempt(throttle.rules().signupPerAddress(), clientAddress);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException("Too many accounts were made from your network address lately."
                    + " Try again later.", wait.get());
        }
        Role role = instructorEmail.filter(normalized::equals).isPresent() ? Role.INSTRUCTOR : Role.LEARNER;
        String hash = hasher.hash(password); // also for a taken email, so that both take as long
        try {
            users.create(normalized, name, hash, role, clock.instant());
        } catch (DatabaseException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // Taken: change nothing and say nothing. Its owner logs in (or signed up twice by mistake).
        }
    }

    /**
     * The account whose email and password these are.
     *
     * @param clientAddress who asks (as {@code TrustedProxies} tells it), for the per-address limit
     * @throws TooManyAttemptsException when this account or this address failed too often lately; the
     *                                  password is then not even checked
     */
    public User logIn(String email, String password, String clientAddress)
            throws AccountException, TooManyAttemptsException {
        String normalized = normalizeEmail(email);
        Optional<Duration> wait = throttle.attempt(throttle.rules().loginPerAddress(), clientAddress);
        if (wait.isEmpty()) {
            wait = throttle.attempt(throttle.rules().loginPerAccount(), normalized);
            if (wait.isPresent()) {
                throttle.refund(throttle.rules().loginPerAddress(), clientAddress);
            }
        }
        if (wait.isPresent()) {
            // The same for every email, with an account or without: throttling must not tell either.
            throw new TooManyAttemptsException("Too many failed logins for this account or from your network address."
                    + " Wait a moment and try again.", wait.get());
        }
        String given = password == null ? "" : password;
        Optional<UserRepository.Credentials> account = users.findByEmail(normalized);
        if (account.isEmpty()) {
            hasher.matchNothing();
        } else if (hasher.matches(given, account.get().passwordHash())) {
            throttle.reset(throttle.rules().loginPerAccount(), normalized);
            throttle.refund(throttle.rules().loginPerAddress(), clientAddress);
            return account.get().user();
        }
        // One message for both cases: the form must not tell who has an account.
        throw new AccountException("That email and password do not match an account.");
    }

    private static void checkPassword(String password) throws AccountException {
        if (password == null || password.length() < MIN_PASSWORD_CHARS) {
            throw new AccountException("Choose a password of at least " + MIN_PASSWORD_CHARS + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw new AccountException("A password may be at most " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes long (bcrypt ignores anything beyond); choose a shorter one.");
        }
    }

    /** Emails compare without case and surrounding space: Ann@Example.org is ann@example.org. */
    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
