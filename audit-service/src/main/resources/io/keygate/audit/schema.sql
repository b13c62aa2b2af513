-- The audit trail. Admin activity (every CloudEvent but call records) is kept in audit_entry, hash-chained per
-- tenant; the gateway's call records in call_record, partitioned by day and kept for a shorter time; records that
-- are neither in audit_dead_letter, with their raw bytes. Every insert is idempotent, so a replayed batch adds
-- nothing twice. (Schema of audit-service 0.2; the 0.1 table audit_event is no longer read.)

CREATE TABLE IF NOT EXISTS audit_entry (
    chain          text        NOT NULL,           -- tenant id, or _platform for events of no tenant
    chain_seq      bigint      NOT NULL,           -- position in the chain, from 1
    event_id       uuid        NOT NULL UNIQUE,
    topic          text        NOT NULL,
    type           text        NOT NULL,
    subject        text,
    tenant_id      text,
    sequence       bigint,
    source         text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    correlation_id text,
    causation_id   text,
    actor          text,
    action         text        NOT NULL,
    target         text,
    outcome        text        NOT NULL,
    client_ip      text,
    data           text,                           -- the event data, JSON, exactly as hashed
    prev_hash      bytea       NOT NULL,
    entry_hash     bytea       NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chain, chain_seq)
);
-- Pages are read in (occurred_at, event_id) order, usually for one tenant.
CREATE INDEX IF NOT EXISTS audit_entry_by_time ON audit_entry (occurred_at, event_id);
CREATE INDEX IF NOT EXISTS audit_entry_by_tenant ON audit_entry (tenant_id, occurred_at, event_id);
CREATE INDEX IF NOT EXISTS audit_entry_by_target ON audit_entry (target, occurred_at, event_id);
CREATE INDEX IF NOT EXISTS audit_entry_by_actor ON audit_entry (actor, occurred_at, event_id) WHERE actor IS NOT NULL;

-- The last entry of each chain: locked while a batch extends the chain, so replicas extend it one at a time.
CREATE TABLE IF NOT EXISTS audit_chain_head (
    chain     text   PRIMARY KEY,
    last_seq  bigint NOT NULL,
    last_hash bytea  NOT NULL
);

-- Signed checkpoints of each chain, also published on keygate.audit-checkpoints.
CREATE TABLE IF NOT EXISTS audit_checkpoint (
    chain      text        NOT NULL,
    chain_seq  bigint      NOT NULL,
    entry_hash bytea       NOT NULL,
    signed_at  timestamptz NOT NULL,
    key_id     text        NOT NULL,
    signature  bytea       NOT NULL,
    published  boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (chain, chain_seq)
);
CREATE INDEX IF NOT EXISTS audit_checkpoint_unpublished ON audit_checkpoint (chain, chain_seq) WHERE NOT published;

-- Public keys of every key that signed checkpoints (private keys never leave the process or its key file).
CREATE TABLE IF NOT EXISTS audit_signing_key (
    key_id     text        PRIMARY KEY,
    public_key bytea       NOT NULL,               -- X.509 SubjectPublicKeyInfo, Ed25519
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Gateway call records, one partition per UTC day (created as records arrive, dropped by the retention job).
CREATE TABLE IF NOT EXISTS call_record (
    event_id        uuid        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    tenant_id       text,
    key_id          text,
    route_id        text,
    gateway_id      text,
    request_id      text        NOT NULL,
    method          text        NOT NULL,
    path            text        NOT NULL,
    status          integer     NOT NULL,
    outcome         text        NOT NULL,
    client_ip       text,
    duration_micros bigint      NOT NULL,
    bytes_in        bigint      NOT NULL,
    bytes_out       bigint      NOT NULL,
    PRIMARY KEY (occurred_at, event_id)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX IF NOT EXISTS call_record_by_tenant ON call_record (tenant_id, occurred_at, event_id);

-- Records that were neither an event nor a call record: kept whole, never dropped.
CREATE TABLE IF NOT EXISTS audit_dead_letter (
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    "offset"    bigint      NOT NULL,
    record_key  bytea,
    record_value bytea,
    headers     jsonb       NOT NULL,              -- [{"name": …, "value": base64 or null}, …]
    reason      text        NOT NULL,
    record_time timestamptz,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition, "offset")
);
