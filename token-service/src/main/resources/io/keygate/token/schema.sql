-- Read model of API keys: a projection of the event store, updated in the same transaction.
CREATE TABLE IF NOT EXISTS api_key (
    key_id            text        PRIMARY KEY,
    tenant_id         text        NOT NULL,
    name              text,
    masked_key        text        NOT NULL,
    key_hash          text        NOT NULL UNIQUE,
    scopes            text[]      NOT NULL,
    status            text        NOT NULL,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz,
    revoked_at        timestamptz,
    revocation_reason text,
    version           bigint      NOT NULL
);
CREATE INDEX IF NOT EXISTS api_key_by_tenant ON api_key (tenant_id, created_at);
