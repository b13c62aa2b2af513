-- Who owns each application, as the token-service's application events say (consumed from keygate.tokens). Not a
-- projection of this service's event store: rebuilt by reading the topic again (reset the consumer group).
CREATE TABLE IF NOT EXISTS application_owner (
    application_id text        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    -- Null: only the tenant's admins manage the application.
    owner_id       text,
    deleted        boolean     NOT NULL,
    -- The application's event sequence: an older event never overwrites a newer one.
    version        bigint      NOT NULL,
    updated_at     timestamptz NOT NULL
);
-- The owning team (its members manage the application too), or null.
ALTER TABLE application_owner ADD COLUMN IF NOT EXISTS team_id text;
CREATE INDEX IF NOT EXISTS application_owner_by_team ON application_owner (tenant_id, team_id)
    WHERE team_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS application_owner_by_owner ON application_owner (tenant_id, owner_id)
    WHERE owner_id IS NOT NULL;
