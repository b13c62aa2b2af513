-- Read model of applications: a projection of the event store, updated in the same transaction as the events.
CREATE TABLE IF NOT EXISTS application (
    application_id       text        PRIMARY KEY,
    tenant_id            text        NOT NULL,
    name                 text        NOT NULL,
    status               text        NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    deleted_at           timestamptz,
    version              bigint      NOT NULL,
    -- The full state as the last event carried it, read back as is (so the read model equals the published state).
    state                jsonb       NOT NULL,
    -- Not from events: set by the credential sweeper once a deleted application has no active credential left
    -- (none can be added after the deletion), so later passes skip it. Null after a rebuild: checked once more.
    credentials_swept_at timestamptz
);
-- The owning user (a developer manages only the applications they own); null: only the tenant's admins manage it.
ALTER TABLE application ADD COLUMN IF NOT EXISTS owner_id text;
-- The owning team, whose members manage it too; null: none.
ALTER TABLE application ADD COLUMN IF NOT EXISTS team_id text;
CREATE INDEX IF NOT EXISTS application_by_team ON application (tenant_id, team_id) WHERE team_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS application_by_owner ON application (tenant_id, owner_id, status, created_at DESC)
    WHERE owner_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS application_by_tenant ON application (tenant_id, status, created_at DESC);
-- What the credential sweeper looks for: deleted applications not yet swept, and the active credentials of one
-- application. (Runs after the API-key and OAuth schemas, which create those tables.)
CREATE INDEX IF NOT EXISTS application_to_sweep ON application (application_id)
    WHERE status = 'DELETED' AND credentials_swept_at IS NULL;
CREATE INDEX IF NOT EXISTS api_key_active_by_application ON api_key (application_id) WHERE status = 'ACTIVE';
CREATE INDEX IF NOT EXISTS oauth_client_active_by_application ON oauth_client (application_id) WHERE status = 'ACTIVE';
