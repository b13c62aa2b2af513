-- Tenants' token policies: read model of the token-policy aggregate, one row per tenant.
CREATE TABLE IF NOT EXISTS token_policy (
    tenant_id text   PRIMARY KEY,
    version   bigint NOT NULL,
    policy    jsonb  NOT NULL
);
