-- Throttling of logins and sign-ups, shared by every web node that uses this database (portable SQL,
-- as V1). One row per throttled key: a login per account, a login per client address, a sign-up per
-- client address. The key is stored as a SHA-256 (of kind and key), so the table holds no email or
-- address in clear. Updates are compare-and-set on version, so concurrent attempts on several nodes
-- count exactly once each.
CREATE TABLE throttles (
    key_hash        VARCHAR(64) PRIMARY KEY,
    kind            VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX throttles_by_age ON throttles (last_attempt_at);

-- Secrets the web nodes share, e.g. the key that binds the sign-up and login forms' tokens to their
-- cookie. Made by the first node that needs one (insert; a unique violation means another node won).
CREATE TABLE server_secrets (
    name       VARCHAR(64) PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
