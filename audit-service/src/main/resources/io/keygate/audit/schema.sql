-- The audit trail: every CloudEvent read from Keygate's topics, stored once (the event id is the key, so
-- a replayed batch inserts nothing twice). Attributes are columns for filtering; data is kept as JSON.
CREATE TABLE IF NOT EXISTS audit_event (
    event_id       uuid        PRIMARY KEY,
    topic          text        NOT NULL,
    type           text        NOT NULL,
    subject        text,
    tenant_id      text,
    sequence       bigint,
    source         text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    correlation_id text,
    causation_id   text,
    data           jsonb,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
-- Pages are read in (occurred_at, event_id) order, usually for one tenant or one aggregate.
CREATE INDEX IF NOT EXISTS audit_event_by_time ON audit_event (occurred_at, event_id);
CREATE INDEX IF NOT EXISTS audit_event_by_tenant ON audit_event (tenant_id, occurred_at, event_id);
CREATE INDEX IF NOT EXISTS audit_event_by_subject ON audit_event (subject, occurred_at, event_id);
