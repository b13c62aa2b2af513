package io.keygate.analytics.report.store;

import io.keygate.analytics.report.Consumer;
import io.keygate.analytics.report.ConsumerDimension;
import io.keygate.analytics.report.ReportQuery;
import io.keygate.analytics.report.UsageSeries;
import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.rollup.LatencyHistograms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code call_rollup} and {@code call_rollup_pending} for reports: rows merged per bucket, and sums per key,
 * route or application. Rows are partial (windows append, compaction merges later), so every read merges the rows of
 * a bucket; a read is the compacted rows of its granularity plus the pending minute rows (not in them yet), in one
 * statement (one snapshot), so it is exact whether or not compaction ran.
 */
@ApplicationScoped
public class ReportStore {

    private static final String SERIES_COLUMNS =
            "status_class, calls, bytes_in, bytes_out, duration_sum_micros, max_micros, latency";

    private final Pool pool;

    ReportStore(Pool pool) {
        this.pool = pool;
    }

    /** The rows of the query's buckets, merged. */
    public Uni<UsageSeries> series(ReportQuery query) {
        Tuple params = Tuple.tuple();
        String sql = "SELECT bucket, " + SERIES_COLUMNS + " FROM " + rows(query, SERIES_COLUMNS, params);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            UsageSeries series = new UsageSeries();
            for (Row row : rows) {
                CallRollup rollup = CallRollup.of(
                        row.getLong("calls"),
                        row.getLong("bytes_in"),
                        row.getLong("bytes_out"),
                        row.getLong("duration_sum_micros"),
                        row.getLong("max_micros"),
                        LatencyHistograms.decode(row.getBuffer("latency").getBytes()));
                series.add(row.getOffsetDateTime("bucket").toInstant(), row.getInteger("status_class") >= 4, rollup);
            }
            return series;
        });
    }

    /** The {@code limit} keys, routes or applications with the most calls in the query's buckets, most first. */
    public Uni<List<Consumer>> top(ReportQuery query, ConsumerDimension by, int limit) {
        Tuple params = Tuple.tuple();
        String column = by.column();
        String sql = "SELECT " + column + " AS id, sum(calls)::bigint AS calls,"
                + " coalesce(sum(calls) FILTER (WHERE status_class >= 4), 0)::bigint AS errors,"
                + " sum(bytes_in)::bigint AS bytes_in, sum(bytes_out)::bigint AS bytes_out FROM "
                + rows(query, column + ", status_class, calls, bytes_in, bytes_out", params)
                + " GROUP BY " + column + " ORDER BY calls DESC, id LIMIT " + limit;
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Consumer> top = new ArrayList<>();
            for (Row row : rows) {
                long calls = row.getLong("calls");
                long errors = row.getLong("errors");
                String id = row.getString("id");
                top.add(new Consumer(
                        id.isEmpty() ? null : id,
                        calls,
                        errors,
                        calls == 0 ? 0 : (double) errors / calls,
                        row.getLong("bytes_in"),
                        row.getLong("bytes_out")));
            }
            return top;
        });
    }

    /**
     * The query's rows as a derived table {@code r(bucket, columns…)}: the compacted rows of the query's granularity
     * plus the pending minute rows, for hour and day in the hour or day (UTC) holding them.
     */
    private static String rows(ReportQuery query, String columns, Tuple params) {
        params.addString(query.tenantId())
                .addString(query.granularity().columnValue())
                .addOffsetDateTime(query.firstBucket().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.window().to().atOffset(ZoneOffset.UTC));
        String filters = filters(query, params);
        String stored = "SELECT bucket, " + columns + " FROM call_rollup WHERE tenant_id = $1 AND granularity = $2"
                + " AND bucket >= $3 AND bucket < $4" + filters;
        if (query.granularity() == Granularity.MINUTE) {
            return "(" + stored + " UNION ALL SELECT bucket, " + columns + " FROM call_rollup_pending"
                    + " WHERE tenant_id = $1 AND bucket >= $3 AND bucket < $4" + filters + ") r";
        }
        // A minute belongs to an hour (day) in the window if that hour (day) starts before `to`: minutes up to the end
        // of the last bucket, not up to `to`.
        params.addOffsetDateTime(query.lastBucketEnd().atOffset(ZoneOffset.UTC));
        String pending = "SELECT date_trunc($2, bucket, 'UTC') AS bucket, " + columns + " FROM call_rollup_pending"
                + " WHERE tenant_id = $1 AND bucket >= $3 AND bucket < $" + params.size() + filters;
        return "(" + stored + " UNION ALL " + pending + ") r";
    }

    /** The narrowing conditions a query has (only those, so the planner uses the matching index), adding values. */
    private static String filters(ReportQuery query, Tuple params) {
        StringBuilder sql = new StringBuilder();
        filter(sql, params, "application_id", query.applicationId());
        filter(sql, params, "key_id", query.keyId());
        filter(sql, params, "route_id", query.routeId());
        return sql.toString();
    }

    private static void filter(StringBuilder sql, Tuple params, String column, String value) {
        if (value != null) {
            params.addString(value);
            sql.append(" AND ").append(column).append(" = $").append(params.size());
        }
    }
}
