package dev.hotpath.platform.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The CSRF tokens of the sign-up and login forms, before there is a session: the visitor's form
 * cookie holds a random pre-session id, and the form's token is the HMAC-SHA256 of that id under a
 * server secret (kept in the database, shared by every web node). Only the server can make a token
 * that fits a cookie, so a cookie planted by another page and a token of its choosing never pass
 * together.
 */
public final class FormTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public FormTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The token the forms of {@code preSession} carry. */
    public String token(String preSession) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] tag = mac.doFinal(("form-token\n" + preSession).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /** Whether {@code given} is the token of {@code preSession}; false when either is missing. */
    public boolean matches(String preSession, String given) {
        return preSession != null && !preSession.isEmpty() && Tokens.same(token(preSession), given);
    }
}
