-- Tenants' alert policies as the policy-service publishes them (keygate.policies): whether a critical alert
-- suggesting it revokes its key. The highest version wins; not from this service's events.
CREATE TABLE IF NOT EXISTS tenant_alert_policy (
    tenant_id   text    PRIMARY KEY,
    revoke_keys boolean NOT NULL,
    version     bigint  NOT NULL
);
