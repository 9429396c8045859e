package dev.hotpath.platform.auth;

import dev.hotpath.platform.db.DatabaseException;
import dev.hotpath.platform.db.UserRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing up and logging in. The instructor's email (from {@code --instructor} or
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
    private final Clock clock;

    public Accounts(UserRepository users, PasswordHasher hasher, Optional<String> instructorEmail, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.instructorEmail = instructorEmail.map(Accounts::normalizeEmail);
        this.clock = clock;
    }

    /** Makes the configured instructor's account an instructor, if it exists already. */
    public void promoteInstructor() {
        instructorEmail.ifPresent(email -> users.setRole(email, Role.INSTRUCTOR));
    }

    public User signUp(String email, String displayName, String password) throws AccountException {
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
        Role role = instructorEmail.filter(normalized::equals).isPresent() ? Role.INSTRUCTOR : Role.LEARNER;
        try {
            return users.create(normalized, name, hasher.hash(password), role, clock.instant());
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                throw new AccountException("There is already an account for " + normalized + ". Log in instead.");
            }
            throw e;
        }
    }

    public User logIn(String email, String password) throws AccountException {
        String given = password == null ? "" : password;
        Optional<UserRepository.Credentials> account = users.findByEmail(normalizeEmail(email));
        if (account.isEmpty()) {
            hasher.matchNothing();
        } else if (hasher.matches(given, account.get().passwordHash())) {
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
