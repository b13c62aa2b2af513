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
    payload        json        NOT NULL,
    PRIMARY KEY (aggregate_id, version)
);
-- Who caused an event (CloudEvents extension actor, e.g. user:<id>) and from which client address (clientip), when
-- the command knew them. Added after the first release, hence the ALTERs.
ALTER TABLE event_store ADD COLUMN IF NOT EXISTS actor text;
ALTER TABLE event_store ADD COLUMN IF NOT EXISTS client_ip text;
-- The payload is kept as the exact JSON text it was written as (json, not jsonb), so the relay publishes the stored
-- bytes as they are. Stores created by the first releases have jsonb; they keep working (the relay then publishes
-- jsonb's rendering of the same JSON) and are converted by an operator, not at start: see eventstore/README.md.

-- The outbox: written in the same transaction as the events; the relay publishes rows in seq order and
-- deletes them once Kafka acknowledged them.
CREATE TABLE IF NOT EXISTS event_outbox (
    seq        bigserial   PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES event_store (event_id),
    topic      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Where Kafka stored a published event, for the event types the service asks for
-- (keygate.eventstore.relay.record-positions-of): e.g. revocations, so the service can tell when a consumer that
-- publishes its applied positions (a gateway's revocation watermark) has applied them. Written by the relay in the
-- pass that published the event, one statement per batch.
CREATE TABLE IF NOT EXISTS event_publication (
    event_id        uuid        PRIMARY KEY REFERENCES event_store (event_id),
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    acknowledged_at timestamptz NOT NULL DEFAULT now()
);
