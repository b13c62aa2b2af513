-- Read model of teams: a projection of the event store, updated in the same transaction as the events.
CREATE TABLE IF NOT EXISTS team (
    team_id    text        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    status     text        NOT NULL,
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    state      jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS team_by_tenant ON team (tenant_id, created_at);
-- The members of live teams, for a session's teams claim (rewritten with each team event).
CREATE TABLE IF NOT EXISTS team_member (
    team_id text NOT NULL,
    user_id text NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX IF NOT EXISTS team_member_by_user ON team_member (user_id);
