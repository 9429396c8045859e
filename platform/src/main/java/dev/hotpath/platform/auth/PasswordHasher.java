package dev.hotpath.platform.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (at.favre.lib:bcrypt). Cost 10 is OWASP's minimum and keeps a login near 70 ms on a 2-core
 * machine that is also grading; each step up doubles that. bcrypt reads at most
 * {@value #MAX_PASSWORD_BYTES} bytes of a password, so longer ones are refused at sign-up and never
 * match at login, rather than being silently cut.
 */
public final class PasswordHasher {

    static final int MAX_PASSWORD_BYTES = 72;
    private static final int COST = 10;
    /** Checked against when a login cannot match, so that it takes as long as one that could. */
    private static final String DECOY_HASH = BCrypt.withDefaults().hashToString(COST, "no such account".toCharArray());

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            matchNothing();
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time of a real check, for logins to an email that has no account. */
    public void matchNothing() {
        BCrypt.verifyer().verify("no such account".toCharArray(), DECOY_HASH);
    }
}
