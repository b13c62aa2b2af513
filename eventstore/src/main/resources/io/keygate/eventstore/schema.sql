-- The event store: append-only; one row per event; (aggregate_id, version) unique gives optimistic
-- concurrency: two writers appending the same version cannot both commit.
CREATE TABLE IF NOT EXISTS event_store (
    aggregate_id   text        NOT NULL,
    version        bigint      NOT NULL CHECK (version > 0),
    aggregate_type text        NOT NULL,
    event_id       uuid        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    tenant_id      text,
    source         text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    correlation_id text,
    causation_id   text,
    payload        jsonb       NOT NULL,
    PRIMARY KEY (aggregate_id, version)
);

-- The outbox: written in the same transaction as the events; the relay publishes rows in seq order and
-- deletes them once Kafka acknowledged them.
CREATE TABLE IF NOT EXISTS event_outbox (
    seq        bigserial   PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES event_store (event_id),
    topic      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
