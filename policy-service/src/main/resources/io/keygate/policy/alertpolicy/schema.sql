-- Tenants' alert policies: read model of the alert-policy aggregate, one row per tenant (the state as its last event
-- carried it).
CREATE TABLE IF NOT EXISTS alert_policy (
    tenant_id text   PRIMARY KEY,
    version   bigint NOT NULL,
    state     jsonb  NOT NULL
);
