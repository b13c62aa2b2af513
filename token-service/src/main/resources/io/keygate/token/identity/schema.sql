-- Dashboard identities. tenant, user_account and user_session are projections of the event store (rebuildable);
-- the other tables hold secrets' hashes and bookkeeping that are deliberately in no event.

CREATE TABLE IF NOT EXISTS tenant (
    tenant_id  text        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    state      jsonb       NOT NULL
);

CREATE TABLE IF NOT EXISTS user_account (
    user_id        text        PRIMARY KEY,
    tenant_id      text,
    email          text        NOT NULL,
    status         text        NOT NULL,
    platform_admin boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL,
    state          jsonb       NOT NULL
);
-- One live user per e-mail address platform-wide (stored lower-cased); a deleted user's address can be invited again.
CREATE UNIQUE INDEX IF NOT EXISTS user_account_email_live ON user_account (email) WHERE status <> 'DELETED';
CREATE INDEX IF NOT EXISTS user_account_tenant ON user_account (tenant_id, created_at);

-- Secrets of a user, never in an event: Argon2id PHC string, sealed TOTP secret (and one being enrolled), the step of
-- the last TOTP code accepted (no code works twice), the invitation token's keyed hash until it is accepted.
CREATE TABLE IF NOT EXISTS user_credential (
    user_id              text   PRIMARY KEY,
    password_hash        text,
    totp_secret          bytea,
    totp_pending_secret  bytea,
    totp_last_step       bigint,
    invitation_hash      text   UNIQUE
);

-- Unused recovery codes as keyed hashes; a used one is deleted (single use by the DELETE's row count).
CREATE TABLE IF NOT EXISTS user_recovery_code (
    user_id   text NOT NULL,
    code_hash text NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE IF NOT EXISTS user_session (
    session_id        text        PRIMARY KEY,
    user_id           text        NOT NULL,
    tenant_id         text,
    status            text        NOT NULL,
    expires_at        timestamptz NOT NULL,
    last_refreshed_at timestamptz NOT NULL,
    version           bigint      NOT NULL,
    state             jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS user_session_live ON user_session (user_id) WHERE status = 'ACTIVE';

-- Every refresh token a session was given, as a keyed hash: the current one has used_at null; presenting a used one
-- again is reuse (RFC 9700 §4.14.2) and ends the session.
CREATE TABLE IF NOT EXISTS session_refresh_token (
    token_hash text        PRIMARY KEY,
    session_id text        NOT NULL,
    issued_at  timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX IF NOT EXISTS session_refresh_token_session ON session_refresh_token (session_id);

-- The next step of a login in progress (MFA, forced password change, TOTP enrolment): keyed hash of the challenge
-- token, bound to the user, short-lived, a few tries, deleted when completed.
CREATE TABLE IF NOT EXISTS login_challenge (
    challenge_hash text        PRIMARY KEY,
    user_id        text        NOT NULL,
    step           text        NOT NULL,
    method         text,
    expires_at     timestamptz NOT NULL,
    attempts       integer     NOT NULL DEFAULT 0
);

-- The WebAuthn challenge of a passkey login in progress (set by the assertion options, cleared by the first assertion
-- checked against it, so each is used once; it lives no longer than its login challenge).
ALTER TABLE login_challenge ADD COLUMN IF NOT EXISTS webauthn_challenge text;

-- Passkeys (WebAuthn credentials), a second factor like TOTP. Public keys are not secrets, but like every credential
-- they are in no event and no API answer: only the id, name and dates are shown. sign_count only moves forward, so an
-- assertion of a cloned authenticator (a counter that does not) is refused.
CREATE TABLE IF NOT EXISTS user_passkey (
    passkey_id    text        PRIMARY KEY,
    user_id       text        NOT NULL,
    credential_id text        NOT NULL UNIQUE,
    public_key    bytea       NOT NULL,
    algorithm     bigint      NOT NULL,
    sign_count    bigint      NOT NULL,
    aaguid        uuid        NOT NULL,
    name          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz
);
CREATE INDEX IF NOT EXISTS user_passkey_user ON user_passkey (user_id, created_at);

-- The WebAuthn challenge of a passkey registration in progress, one per user: a new start replaces it, the finish
-- deletes it (single use), and it expires like a login challenge.
CREATE TABLE IF NOT EXISTS passkey_registration (
    user_id    text        PRIMARY KEY,
    challenge  text        NOT NULL,
    expires_at timestamptz NOT NULL
);

-- Consecutive login failures per account name (keyed hash of the lower-cased address, known or not) and per client
-- address, and until when each is locked.
CREATE TABLE IF NOT EXISTS login_throttle (
    throttle_key    text        PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);
