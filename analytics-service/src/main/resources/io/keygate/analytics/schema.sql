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

-- Calls per tenant, key ('' without one), client address and hour, appended in the transaction of the window that
-- counts the calls in call_rollup (one row per distinct key, address and hour of the window, merged = false) without
-- reading or locking stored rows; readers sum the rows of an address, and compaction (RollupCompactor) replaces the
-- rows of an address and hour by their sum (merged = true). auth_failures = 401s, or keys refused for their address.
CREATE TABLE IF NOT EXISTS client_ip_hour (
    tenant_id     text        NOT NULL,
    key_id        text        NOT NULL,
    hour          timestamptz NOT NULL,
    client_ip     text        NOT NULL,
    calls         bigint      NOT NULL,
    errors        bigint      NOT NULL,
    auth_failures bigint      NOT NULL,
    merged        boolean     NOT NULL DEFAULT true
);
ALTER TABLE client_ip_hour ADD COLUMN IF NOT EXISTS merged boolean NOT NULL DEFAULT true;
ALTER TABLE client_ip_hour DROP CONSTRAINT IF EXISTS client_ip_hour_pkey;
CREATE INDEX IF NOT EXISTS client_ip_hour_by_tenant ON client_ip_hour (tenant_id, hour);
CREATE INDEX IF NOT EXISTS client_ip_hour_by_address ON client_ip_hour (tenant_id, key_id, hour, client_ip);
-- The rows not merged yet, in the order compaction takes them: a pass reads the first of them in index order and stops
-- (on (hour) alone, every pass gathered every row not merged yet to pick its share: slower the larger the backlog).
DROP INDEX IF EXISTS client_ip_hour_not_merged;
CREATE INDEX IF NOT EXISTS client_ip_hour_not_merged_by_address
    ON client_ip_hour (tenant_id, key_id, hour, client_ip) WHERE NOT merged;

-- Every client address a key was used from, with its first and last call (gateway receive time): appended and
-- compacted like client_ip_hour; readers take min(first_seen), max(last_seen) and sum(calls) of an address's rows.
CREATE TABLE IF NOT EXISTS key_client_ip (
    tenant_id  text        NOT NULL,
    key_id     text        NOT NULL,
    client_ip  text        NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    calls      bigint      NOT NULL,
    merged     boolean     NOT NULL DEFAULT true
);
ALTER TABLE key_client_ip ADD COLUMN IF NOT EXISTS merged boolean NOT NULL DEFAULT true;
ALTER TABLE key_client_ip DROP CONSTRAINT IF EXISTS key_client_ip_pkey;
CREATE INDEX IF NOT EXISTS key_client_ip_by_address ON key_client_ip (tenant_id, key_id, client_ip);
DROP INDEX IF EXISTS key_client_ip_not_merged;
CREATE INDEX IF NOT EXISTS key_client_ip_not_merged_by_address
    ON key_client_ip (tenant_id, key_id, client_ip) WHERE NOT merged;
DROP INDEX IF EXISTS key_client_ip_by_first_seen;

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
