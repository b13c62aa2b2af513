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
-- Added with the key attributes and rotation. The full state as the last event carried it (read back as is,
-- so the read model equals the event-sourced state); the columns above stay for queries and old rows.
ALTER TABLE api_key ADD COLUMN IF NOT EXISTS state jsonb;
ALTER TABLE api_key ADD COLUMN IF NOT EXISTS application_id text;
ALTER TABLE api_key ADD COLUMN IF NOT EXISTS previous_key_hash text;
ALTER TABLE api_key ADD COLUMN IF NOT EXISTS previous_key_valid_until timestamptz;
-- What the expiry scheduler looks for on every pass.
CREATE INDEX IF NOT EXISTS api_key_expiry_due ON api_key (expires_at) WHERE status = 'ACTIVE' AND expires_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS api_key_grace_end_due ON api_key (previous_key_valid_until)
    WHERE status = 'ACTIVE' AND previous_key_hash IS NOT NULL;
-- Introspection finds a rotated key by its replaced secret while the grace period runs.
CREATE INDEX IF NOT EXISTS api_key_by_previous_hash ON api_key (previous_key_hash) WHERE previous_key_hash IS NOT NULL;
