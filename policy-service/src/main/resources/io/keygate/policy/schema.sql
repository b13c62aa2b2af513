-- Read models of the policy-service: projections of the event store, updated in the command's transaction.
-- (Tables of the first route model, which had one route per prefix and no API, are not reused: a database
-- from before APIs existed is started afresh, see the README.)

-- APIs (catalog entries). state holds the ApiState as the events carry it.
CREATE TABLE IF NOT EXISTS api (
    api_id      text        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    name        text        NOT NULL,
    visibility  text        NOT NULL,
    status      text        NOT NULL,
    openapi_sha256 text,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    state       jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS api_by_tenant ON api (tenant_id, created_at);
CREATE INDEX IF NOT EXISTS api_public ON api (created_at) WHERE visibility = 'PUBLIC' AND status = 'ACTIVE';

-- Uploaded OpenAPI documents, by content (SHA-256). Not a projection: events carry only the digest, so the
-- projection rebuild leaves this table alone. Written in the upload command's transaction.
CREATE TABLE IF NOT EXISTS openapi_document (
    sha256       text    PRIMARY KEY,
    content_type text    NOT NULL,
    size_bytes   integer NOT NULL,
    body         bytea   NOT NULL
);

-- Routes of APIs. state holds the RouteState as the events carry it.
CREATE TABLE IF NOT EXISTS api_route (
    route_id    text        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    api_id      text        NOT NULL,
    host        text        NOT NULL,
    path_prefix text        NOT NULL,
    status      text        NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    state       jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS api_route_by_api ON api_route (tenant_id, api_id, host, path_prefix);

-- What each active route claims: one row per host + prefix + method (a route for every method claims each).
-- The primary key is what makes two routes claiming the same thing impossible, even when their commands race:
-- the second insert waits for the first transaction and then fails.
CREATE TABLE IF NOT EXISTS route_claim (
    host        text NOT NULL,
    path_prefix text NOT NULL,
    method      text NOT NULL,
    route_id    text NOT NULL,
    PRIMARY KEY (host, path_prefix, method)
);
CREATE INDEX IF NOT EXISTS route_claim_by_route ON route_claim (route_id);
