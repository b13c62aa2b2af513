-- Call records already counted, by event id: a replayed record finds its id here and adds nothing.
CREATE TABLE IF NOT EXISTS processed_call (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS processed_call_by_time ON processed_call (processed_at);

-- Calls per tenant, key, route and status class, per minute, hour and day (gateway receive time, UTC). Every
-- call is counted once at each granularity, in the transaction that records its id in processed_call. key_id and
-- route_id are '' when the call had none. latency is the HdrHistogram (V2 encoding, microseconds, 2 significant
-- digits) of the calls' durations; rows merge exactly, so a report over several rows is exact too.
CREATE TABLE IF NOT EXISTS call_rollup (
    tenant_id           text        NOT NULL,
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
    latency             bytea       NOT NULL,
    PRIMARY KEY (tenant_id, granularity, bucket, key_id, route_id, status_class)
);
CREATE INDEX IF NOT EXISTS call_rollup_by_key ON call_rollup (tenant_id, key_id, granularity, bucket);
CREATE INDEX IF NOT EXISTS call_rollup_by_route ON call_rollup (tenant_id, route_id, granularity, bucket);

-- Calls per tenant, key ('' without one), client address and hour, counted with call_rollup in one transaction.
-- auth_failures = 401s, or keys refused for their address.
CREATE TABLE IF NOT EXISTS client_ip_hour (
    tenant_id     text        NOT NULL,
    key_id        text        NOT NULL,
    hour          timestamptz NOT NULL,
    client_ip     text        NOT NULL,
    calls         bigint      NOT NULL,
    errors        bigint      NOT NULL,
    auth_failures bigint      NOT NULL,
    PRIMARY KEY (tenant_id, key_id, hour, client_ip)
);
CREATE INDEX IF NOT EXISTS client_ip_hour_by_tenant ON client_ip_hour (tenant_id, hour);

-- Every client address a key was used from, with its first and last call (gateway receive time).
CREATE TABLE IF NOT EXISTS key_client_ip (
    tenant_id  text        NOT NULL,
    key_id     text        NOT NULL,
    client_ip  text        NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    calls      bigint      NOT NULL,
    PRIMARY KEY (tenant_id, key_id, client_ip)
);
CREATE INDEX IF NOT EXISTS key_client_ip_by_first_seen ON key_client_ip (tenant_id, key_id, first_seen);

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
