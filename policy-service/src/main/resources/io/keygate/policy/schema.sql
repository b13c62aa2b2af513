-- Read model of routes: a projection of the event store, updated in the same transaction.
-- The unique prefix is what makes a second route claiming a prefix fail, even under concurrency.
CREATE TABLE IF NOT EXISTS route (
    route_id     text        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    name         text,
    path_prefix  text        NOT NULL UNIQUE,
    upstream_url text        NOT NULL,
    version      bigint      NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS route_by_tenant ON route (tenant_id, path_prefix);
