-- Read model of IP rules: a projection of the event store, updated in the same transaction.
-- tenant_key is '' for global rules so that the unique index below also covers them (NULLs never collide).
CREATE TABLE IF NOT EXISTS ip_rule (
    rule_id     text        PRIMARY KEY,
    scope       text        NOT NULL,
    tenant_key  text        NOT NULL,
    action      text        NOT NULL,
    cidr        text        NOT NULL,
    status      text        NOT NULL,
    expires_at  timestamptz,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    state       jsonb       NOT NULL
);
-- One active rule per scope, tenant, action and network: a second one is a 409, even under concurrency.
CREATE UNIQUE INDEX IF NOT EXISTS ip_rule_active_unique ON ip_rule (scope, tenant_key, action, cidr)
    WHERE status = 'ACTIVE';
CREATE INDEX IF NOT EXISTS ip_rule_by_scope ON ip_rule (scope, tenant_key, created_at);
-- What the expiry scheduler looks for on every pass.
CREATE INDEX IF NOT EXISTS ip_rule_expiry_due ON ip_rule (expires_at) WHERE status = 'ACTIVE' AND expires_at IS NOT NULL;
