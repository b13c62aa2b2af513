package io.keygate.analytics.rollup.store;

import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.rollup.LatencyHistograms;
import io.keygate.analytics.rollup.RollupKey;
import io.keygate.analytics.rollup.RollupRow;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

/**
 * {@code call_rollup} and {@code call_rollup_pending} rows to and from SQL: the column lists, array parameters for
 * {@code unnest}, and row reads.
 */
final class RollupRows {

    static final String KEY_COLUMNS = "tenant_id, application_id, granularity, bucket, key_id, route_id, status_class";
    static final String KEY_ARRAYS =
            "$1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::int[]";
    static final String VALUE_COLUMNS = "calls, bytes_in, bytes_out, duration_sum_micros, max_micros, latency";
    static final String VALUE_ARRAYS =
            "$8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[]," + " $13::bytea[]";

    /** Appends compacted rows ({@link #insert}). */
    static final String INSERT = "INSERT INTO call_rollup (" + KEY_COLUMNS + ", " + VALUE_COLUMNS + ")"
            + " SELECT * FROM unnest(" + KEY_ARRAYS + ", " + VALUE_ARRAYS + ")";

    /** A pending row's key columns: a minute key's without the granularity. */
    static final String PENDING_KEY_COLUMNS = "tenant_id, application_id, bucket, key_id, route_id, status_class";

    /** Appends a window's partial minute rows ({@link #insertPending}). */
    static final String INSERT_PENDING = "INSERT INTO call_rollup_pending (" + PENDING_KEY_COLUMNS + ", "
            + VALUE_COLUMNS + ") SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[],"
            + " $5::text[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],"
            + " $12::bytea[])";

    private RollupRows() {}

    /** The key arrays ($1 to $7) of {@code keys}. */
    static Tuple keys(Collection<RollupKey> keys) {
        return keys(keys, true);
    }

    /** The key arrays of {@code keys}, with or without the granularity ($3). */
    private static Tuple keys(Collection<RollupKey> keys, boolean withGranularity) {
        int n = keys.size();
        String[] tenants = new String[n],
                applications = new String[n],
                granularities = new String[n],
                keyIds = new String[n],
                routes = new String[n];
        OffsetDateTime[] buckets = new OffsetDateTime[n];
        Integer[] classes = new Integer[n];
        int i = 0;
        for (RollupKey key : keys) {
            tenants[i] = key.tenantId();
            applications[i] = key.applicationId();
            granularities[i] = key.granularity().columnValue();
            buckets[i] = key.bucket().atOffset(ZoneOffset.UTC);
            keyIds[i] = key.keyId();
            routes[i] = key.routeId();
            classes[i] = key.statusClass();
            i++;
        }
        Tuple tuple = Tuple.tuple().addArrayOfString(tenants).addArrayOfString(applications);
        if (withGranularity) {
            tuple.addArrayOfString(granularities);
        }
        return tuple.addArrayOfOffsetDateTime(buckets)
                .addArrayOfString(keyIds)
                .addArrayOfString(routes)
                .addArrayOfInteger(classes);
    }

    /** The parameters of {@link #INSERT}. */
    static Tuple insert(Map<RollupKey, CallRollup> rows) {
        return values(keys(rows.keySet(), true), rows);
    }

    /** The parameters of {@link #INSERT_PENDING}: minute rows. */
    static Tuple insertPending(Map<RollupKey, CallRollup> rows) {
        for (RollupKey key : rows.keySet()) {
            if (key.granularity() != Granularity.MINUTE) {
                throw new IllegalArgumentException("Only minute rows are pending: " + key);
            }
        }
        return values(keys(rows.keySet(), false), rows);
    }

    /** {@code keys} with the value arrays of {@code rows} added. */
    private static Tuple values(Tuple keys, Map<RollupKey, CallRollup> rows) {
        int n = rows.size();
        Long[] calls = new Long[n],
                bytesIn = new Long[n],
                bytesOut = new Long[n],
                sums = new Long[n],
                maxes = new Long[n];
        Buffer[] latencies = new Buffer[n];
        int i = 0;
        for (CallRollup rollup : rows.values()) {
            calls[i] = rollup.calls();
            bytesIn[i] = rollup.bytesIn();
            bytesOut[i] = rollup.bytesOut();
            sums[i] = rollup.durationSumMicros();
            maxes[i] = rollup.maxMicros();
            latencies[i] = Buffer.buffer(rollup.encodedLatency());
            i++;
        }
        return keys.addArrayOfLong(calls)
                .addArrayOfLong(bytesIn)
                .addArrayOfLong(bytesOut)
                .addArrayOfLong(sums)
                .addArrayOfLong(maxes)
                .addValue(latencies);
    }

    /** A row read with all the key and value columns and {@code rolled_up} (a pending row: false). */
    static RollupRow read(Row row) {
        return new RollupRow(readKey(row), rollupOf(row), row.getBoolean("rolled_up"));
    }

    /** The key columns of a row. */
    static RollupKey readKey(Row row) {
        return new RollupKey(
                Granularity.parse(row.getString("granularity")),
                row.getOffsetDateTime("bucket").toInstant(),
                row.getString("tenant_id"),
                row.getString("application_id"),
                row.getString("key_id"),
                row.getString("route_id"),
                row.getInteger("status_class"));
    }

    /** The value columns of a row. */
    static CallRollup rollupOf(Row row) {
        return CallRollup.of(
                row.getLong("calls"),
                row.getLong("bytes_in"),
                row.getLong("bytes_out"),
                row.getLong("duration_sum_micros"),
                row.getLong("max_micros"),
                LatencyHistograms.decode(row.getBuffer("latency").getBytes()));
    }
}
