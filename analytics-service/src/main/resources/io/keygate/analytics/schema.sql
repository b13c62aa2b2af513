-- Instances starting at once run this script one after the other (it runs as one transaction; the lock is held to
-- its end), so no two create a table or move rows at the same time.
SELECT pg_advisory_xact_lock(7452245620383872113);

-- Idempotency by offset: per partition of the calls topic, the next offset to count. A window's transaction locks its
-- partitions' rows first (so two instances reading a partition during a rebalance serialise), counts only the records
-- at or above the watermark and moves it past the window, so a replayed record adds nothing. Sound because the
-- gateway's producer is idempotent: a retried send never stores a call at a second offset.
CREATE TABLE IF NOT EXISTS consumed_offset (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Calls per tenant, application, key, route and status class, per minute, hour and day (gateway receive time, UTC).
-- Windows append partial minute rows to call_rollup_pending (below); compaction (RollupCompactor, in the background)
-- moves them here: it deletes the pending rows of a minute key, writes their merge (with the key's minute row here,
-- if a late call made one) as the key's one minute row, and adds them to the key's hour and day rows, which only it
-- writes (one row per key). Readers take the rows here plus the pending ones in one statement (one snapshot), so a
-- report is exact before, during and after a pass. application_id, key_id and route_id are '' when the call had none;
-- latency is the HdrHistogram (V2 encoding, microseconds, 2 significant digits) of the calls' durations.
CREATE TABLE IF NOT EXISTS call_rollup (
    tenant_id           text        NOT NULL,
    application_id      text        NOT NULL DEFAULT '',
    granularity         text        NOT NULL CHECK (granularity IN ('minute', 'hour', 'day')),
    bucket              timestamptz NOT NULL,
    key_id              text        NOT NULL,
    route_id            text        NOT NULL,
    status_class        integer     NOT NULL CHECK (status_class BETWEEN 1 AND 5),
    calls               bigint      NOT NULL,
    bytes_in            bigint      NOT NULL,
    bytes_out           bigint      NOT NULL,
    duration_sum_micros bigint      NOT NULL,
    max_micros          bigint      NOT NULL,
    latency             bytea       NOT NULL
);
-- From the read-modify-write rows of earlier versions (one row per key, every granularity written at once).
ALTER TABLE call_rollup ADD COLUMN IF NOT EXISTS application_id text NOT NULL DEFAULT '';
ALTER TABLE call_rollup DROP CONSTRAINT IF EXISTS call_rollup_pkey;
CREATE INDEX IF NOT EXISTS call_rollup_by_tenant ON call_rollup (tenant_id, granularity, bucket);
-- By key, ending in the rest of a row's dimensions: reads by key use its first four columns, and a compaction pass,
-- which takes the rows of exact keys (RollupCompactor), reaches each one straight away instead of visiting every
-- route and status class of the key's bucket, and every dead version a pass left of them.
DROP INDEX IF EXISTS call_rollup_by_key;
CREATE INDEX IF NOT EXISTS call_rollup_by_key_dimensions
    ON call_rollup (tenant_id, key_id, granularity, bucket, route_id, status_class, application_id);
CREATE INDEX IF NOT EXISTS call_rollup_by_route ON call_rollup (tenant_id, route_id, granularity, bucket);
CREATE INDEX IF NOT EXISTS call_rollup_by_application ON call_rollup (tenant_id, application_id, granularity, bucket);

-- The minute rows windows append, one per distinct dimensions of a window, without reading or locking stored rows,
-- until compaction moves them to call_rollup: the write-heavy side (most rows a window writes are merged away minutes
-- later), so it has one index, which compaction walks key by key and a key's reads use; reads by tenant, route or
-- application scan a tenant's few pending minutes through it.
CREATE TABLE IF NOT EXISTS call_rollup_pending (
    tenant_id           text        NOT NULL,
    application_id      text        NOT NULL,
    bucket              timestamptz NOT NULL,
    key_id              text        NOT NULL,
    route_id            text        NOT NULL,
    status_class        integer     NOT NULL CHECK (status_class BETWEEN 1 AND 5),
    calls               bigint      NOT NULL,
    bytes_in            bigint      NOT NULL,
    bytes_out           bigint      NOT NULL,
    duration_sum_micros bigint      NOT NULL,
    max_micros          bigint      NOT NULL,
    latency             bytea       NOT NULL
);
CREATE INDEX IF NOT EXISTS call_rollup_pending_by_key ON call_rollup_pending (tenant_id, key_id, bucket);
-- Earlier versions kept the partial minute rows in call_rollup (rolled_up = false): they move to call_rollup_pending,
-- in this script's one transaction, so no reader sees them twice or not at all. Stop every instance of an earlier
-- version first: its windows would write rows this version reads as compacted (README, "Upgrading").
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'call_rollup' AND column_name = 'rolled_up') THEN
        WITH moved AS (DELETE FROM call_rollup WHERE NOT rolled_up
                       RETURNING tenant_id, application_id, bucket, key_id, route_id, status_class, calls, bytes_in,
                                 bytes_out, duration_sum_micros, max_micros, latency)
        INSERT INTO call_rollup_pending (tenant_id, application_id, bucket, key_id, route_id, status_class, calls,
                                         bytes_in, bytes_out, duration_sum_micros, max_micros, latency)
            SELECT * FROM moved;
        ALTER TABLE call_rollup DROP COLUMN rolled_up;
    END IF;
END
$$;
DROP INDEX IF EXISTS call_rollup_not_rolled_up;

-- Calls per tenant, key ('' without one), client address and hour. A window appends one row per distinct key, address
-- and hour of its calls to client_ip_hour_pending (below), in the transaction that counts them in call_rollup, without
-- reading or locking stored rows; compaction (RollupCompactor) moves them here, adding them to the one row of their key,
-- address and hour. Readers add the pending rows (one statement, one snapshot), so a report is exact before, during and
-- after a pass. auth_failures = 401s, or keys refused for their address.
CREATE TABLE IF NOT EXISTS client_ip_hour (
    tenant_id     text        NOT NULL,
    key_id        text        NOT NULL,
    hour          timestamptz NOT NULL,
    client_ip     text        NOT NULL,
    calls         bigint      NOT NULL,
    errors        bigint      NOT NULL,
    auth_failures bigint      NOT NULL
);
-- The rows a window appends, with the window's first and last call from the address: the write-heavy side, so it has
-- one index, which compaction walks in order and a key's reads use; reads by tenant scan a tenant's few pending rows
-- through it.
CREATE TABLE IF NOT EXISTS client_ip_hour_pending (
    tenant_id     text        NOT NULL,
    key_id        text        NOT NULL,
    hour          timestamptz NOT NULL,
    client_ip     text        NOT NULL,
    calls         bigint      NOT NULL,
    errors        bigint      NOT NULL,
    auth_failures bigint      NOT NULL,
    first_seen    timestamptz NOT NULL,
    last_seen     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS client_ip_hour_pending_by_address
    ON client_ip_hour_pending (tenant_id, key_id, hour, client_ip);

-- Every client address a key was used from, with its first and last call (gateway receive time) and its calls: one row
-- per address, which compaction adds the pending client_ip_hour rows it moves to, in the same statement, so a window
-- writes one row per address and hour instead of two. Readers add the key's pending rows (one statement, one
-- snapshot), so a report is exact before, during and after a pass.
CREATE TABLE IF NOT EXISTS key_client_ip (
    tenant_id  text        NOT NULL,
    key_id     text        NOT NULL,
    client_ip  text        NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    calls      bigint      NOT NULL,
    PRIMARY KEY (tenant_id, key_id, client_ip)
);
-- Earlier versions appended the rows of both tables in place (merged = false) and compacted them apart: in this
-- script's one transaction, the client_ip_hour rows not merged are merged (their calls are in key_client_ip already),
-- and both tables become one row per key, (hour,) and address.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'client_ip_hour' AND column_name = 'merged') THEN
        -- Every address and hour with a row not merged, or (never made by those versions, but cheap to rule out
        -- before the unique index below) with more than one row.
        WITH k AS (SELECT tenant_id, key_id, hour, client_ip FROM client_ip_hour
                   GROUP BY tenant_id, key_id, hour, client_ip HAVING count(*) > 1 OR bool_or(NOT merged)),
             taken AS (DELETE FROM client_ip_hour c USING k
                       WHERE c.tenant_id = k.tenant_id AND c.key_id = k.key_id AND c.hour = k.hour
                         AND c.client_ip = k.client_ip
                       RETURNING c.*)
        INSERT INTO client_ip_hour (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures, merged)
            SELECT tenant_id, key_id, hour, client_ip, sum(calls), sum(errors), sum(auth_failures), true
            FROM taken GROUP BY tenant_id, key_id, hour, client_ip;
        ALTER TABLE client_ip_hour DROP COLUMN merged;
    END IF;
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'key_client_ip' AND column_name = 'merged') THEN
        WITH taken AS (DELETE FROM key_client_ip RETURNING *)
        INSERT INTO key_client_ip (tenant_id, key_id, client_ip, first_seen, last_seen, calls, merged)
            SELECT tenant_id, key_id, client_ip, min(first_seen), max(last_seen), sum(calls), true
            FROM taken GROUP BY tenant_id, key_id, client_ip;
        ALTER TABLE key_client_ip DROP CONSTRAINT IF EXISTS key_client_ip_pkey;
        ALTER TABLE key_client_ip DROP COLUMN merged;
        ALTER TABLE key_client_ip ADD PRIMARY KEY (tenant_id, key_id, client_ip);
    END IF;
END
$$;
-- The indexes of earlier versions, whichever one a database comes from.
DROP INDEX IF EXISTS client_ip_hour_not_merged;
DROP INDEX IF EXISTS client_ip_hour_not_merged_by_address;
DROP INDEX IF EXISTS client_ip_hour_by_address;
DROP INDEX IF EXISTS key_client_ip_not_merged;
DROP INDEX IF EXISTS key_client_ip_not_merged_by_address;
DROP INDEX IF EXISTS key_client_ip_by_address;
DROP INDEX IF EXISTS key_client_ip_by_first_seen;
-- One row per key, hour and address (compaction adds to it: ON CONFLICT on this index); the first versions had it as
-- the primary key.
ALTER TABLE client_ip_hour DROP CONSTRAINT IF EXISTS client_ip_hour_pkey;
CREATE UNIQUE INDEX IF NOT EXISTS client_ip_hour_by_key_address
    ON client_ip_hour (tenant_id, key_id, hour, client_ip);
CREATE INDEX IF NOT EXISTS client_ip_hour_by_tenant ON client_ip_hour (tenant_id, hour);

-- The rate limit and quota of every API key, from the token-service's key events (version: the key's event sequence;
-- an older event never overwrites a newer one). Usage reports set a key's calls against them.
CREATE TABLE IF NOT EXISTS key_limit (
    tenant_id           text        NOT NULL,
    key_id              text        NOT NULL,
    created_at          timestamptz NOT NULL,
    rate_limit_requests bigint,
    rate_limit_per      text        CHECK (rate_limit_per IN ('SECOND', 'MINUTE', 'HOUR')),
    quota_limit         bigint,
    quota_refill        text        CHECK (quota_refill IN ('DAY', 'MONTH')),
    version             bigint      NOT NULL,
    PRIMARY KEY (tenant_id, key_id)
);
