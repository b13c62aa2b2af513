-- Call records already counted, by event id: a replayed record finds its id here and adds nothing.
CREATE TABLE IF NOT EXISTS processed_call (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS processed_call_by_time ON processed_call (processed_at);

-- Calls per tenant, key and minute (gateway receive time, UTC). errors = calls answered with status >= 400.
CREATE TABLE IF NOT EXISTS key_minute_usage (
    tenant_id text        NOT NULL,
    key_id    text        NOT NULL,
    minute    timestamptz NOT NULL,
    calls     bigint      NOT NULL,
    errors    bigint      NOT NULL,
    bytes_in  bigint      NOT NULL,
    bytes_out bigint      NOT NULL,
    PRIMARY KEY (tenant_id, key_id, minute)
);
