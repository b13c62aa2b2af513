package io.keygate.analytics.report.store;

import io.keygate.analytics.report.Consumer;
import io.keygate.analytics.report.ConsumerDimension;
import io.keygate.analytics.report.ReportQuery;
import io.keygate.analytics.report.UsageSeries;
import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.LatencyHistograms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code call_rollup} for reports: rows merged per bucket, and sums per key or route. */
@ApplicationScoped
public class ReportStore {

    private static final String SERIES = "SELECT bucket, status_class, calls, bytes_in, bytes_out, duration_sum_micros,"
            + " max_micros, latency FROM call_rollup WHERE ";

    private final Pool pool;

    ReportStore(Pool pool) {
        this.pool = pool;
    }

    /** The rows of the query's buckets, merged. */
    public Uni<UsageSeries> series(ReportQuery query) {
        Tuple params = Tuple.tuple();
        String sql = SERIES + where(query, params);
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

    /** The {@code limit} keys or routes with the most calls in the query's buckets, most first (ties by id). */
    public Uni<List<Consumer>> top(ReportQuery query, ConsumerDimension by, int limit) {
        Tuple params = Tuple.tuple();
        String column = by.column();
        String sql = "SELECT " + column + " AS id, sum(calls)::bigint AS calls,"
                + " coalesce(sum(calls) FILTER (WHERE status_class >= 4), 0)::bigint AS errors,"
                + " sum(bytes_in)::bigint AS bytes_in, sum(bytes_out)::bigint AS bytes_out FROM call_rollup WHERE "
                + where(query, params) + " GROUP BY " + column + " ORDER BY calls DESC, id LIMIT " + limit;
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

    /** The conditions of a query (only those it has, so the planner uses the matching index), adding its values. */
    private static String where(ReportQuery query, Tuple params) {
        params.addString(query.tenantId())
                .addString(query.granularity().columnValue())
                .addOffsetDateTime(query.firstBucket().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.window().to().atOffset(ZoneOffset.UTC));
        StringBuilder sql = new StringBuilder("tenant_id = $1 AND granularity = $2 AND bucket >= $3 AND bucket < $4");
        if (query.keyId() != null) {
            params.addString(query.keyId());
            sql.append(" AND key_id = $").append(params.size());
        }
        if (query.routeId() != null) {
            params.addString(query.routeId());
            sql.append(" AND route_id = $").append(params.size());
        }
        return sql.toString();
    }
}
