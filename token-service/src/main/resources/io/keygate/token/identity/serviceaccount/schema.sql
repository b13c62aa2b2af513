-- Read model of service accounts: a projection of the event store, updated in the same transaction as the events.
CREATE TABLE IF NOT EXISTS service_account (
    service_account_id text        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    status             text        NOT NULL,
    created_at         timestamptz NOT NULL,
    version            bigint      NOT NULL,
    state              jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS service_account_by_tenant ON service_account (tenant_id, created_at DESC);
-- The keyed hash of each account's secret: never in an event, so not part of the projection (a rebuild keeps it).
CREATE TABLE IF NOT EXISTS service_account_secret (
    service_account_id text PRIMARY KEY,
    secret_hash        text NOT NULL
);
