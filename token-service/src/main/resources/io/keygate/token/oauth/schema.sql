-- OAuth2 read models of the token-service; rebuilt from the event store, except the private signing keys,
-- which exist only here (encrypted) and in no event.
CREATE TABLE IF NOT EXISTS oauth_client (
    client_id      TEXT PRIMARY KEY,
    tenant_id      TEXT NOT NULL,
    application_id TEXT NOT NULL,
    name           TEXT,
    masked_secret  TEXT NOT NULL,
    secret_hash    TEXT NOT NULL,
    scopes         TEXT[] NOT NULL,
    status         TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    version        BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS oauth_client_tenant ON oauth_client (tenant_id, created_at DESC);

CREATE TABLE IF NOT EXISTS oauth_signing_key (
    key_id         TEXT PRIMARY KEY,
    public_jwk     JSONB NOT NULL,
    private_key    BYTEA NOT NULL,      -- AES-256-GCM sealed PKCS#8, see PrivateKeyCipher
    published_at   TIMESTAMPTZ NOT NULL,
    activated_at   TIMESTAMPTZ,         -- set once Kafka acknowledged the published event
    superseded_at  TIMESTAMPTZ,
    retired_at     TIMESTAMPTZ,
    version        BIGINT NOT NULL
);

-- Revoked JWT access tokens (RFC 7009), until they expire anyway.
CREATE TABLE IF NOT EXISTS oauth_revoked_token (
    jti            TEXT PRIMARY KEY,
    tenant_id      TEXT NOT NULL,
    client_id      TEXT NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ NOT NULL
);
