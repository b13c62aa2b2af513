-- Plans of APIs and subscriptions to them: read models of the plan and subscription aggregates.
-- state holds the aggregate's state as its events carry it (the JSON of a *Created / *Requested event).
CREATE TABLE IF NOT EXISTS api_plan (
    plan_id     text        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    api_id      text        NOT NULL,
    status      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    state       jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS api_plan_by_api ON api_plan (api_id, created_at);

CREATE TABLE IF NOT EXISTS subscription (
    subscription_id text        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    application_id  text        NOT NULL,
    api_id          text        NOT NULL,
    api_tenant_id   text        NOT NULL,
    plan_id         text        NOT NULL,
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL,
    state           jsonb       NOT NULL
);
-- At most one live (pending, approved or suspended) subscription per application and API. Written in the
-- command's transaction, so two concurrent requests for the same pair cannot both succeed.
CREATE UNIQUE INDEX IF NOT EXISTS subscription_live_pair ON subscription (application_id, api_id)
    WHERE status IN ('PENDING', 'APPROVED', 'SUSPENDED');
CREATE INDEX IF NOT EXISTS subscription_by_tenant ON subscription (tenant_id, created_at);
CREATE INDEX IF NOT EXISTS subscription_by_api ON subscription (api_id, status, created_at);
