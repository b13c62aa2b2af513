package io.keygate.analytics.clientip.store;

import io.keygate.analytics.clientip.ClientIpCounts;
import io.keygate.analytics.clientip.ClientIpKey;
import io.keygate.analytics.report.ReportQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code client_ip_hour} (calls per tenant, key, client address and hour) and {@code key_client_ip} (each address a
 * key was used from, with its first and last call). A window appends its own rows (not merged) without reading or
 * locking stored ones; readers sum the rows of an address; {@link #compact} replaces them by one merged row.
 */
@ApplicationScoped
public class ClientIpStore {

    private static final String ADD_HOURS = "INSERT INTO client_ip_hour"
            + " (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures, merged)"
            + " SELECT *, false FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::bigint[],"
            + " $6::bigint[], $7::bigint[])";

    private static final String ADD_ADDRESSES = "INSERT INTO key_client_ip"
            + " (tenant_id, key_id, client_ip, first_seen, last_seen, calls, merged)"
            + " SELECT tenant_id, key_id, client_ip, min(first_seen), max(last_seen), sum(calls)::bigint, false"
            + " FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[])"
            + " AS u(tenant_id, key_id, client_ip, first_seen, last_seen, calls) GROUP BY tenant_id, key_id, client_ip";

    /**
     * The rows of up to $2 addresses and hours with a row not merged, in hours before $1, replaced by their sum; the
     * first in the order of the index on the rows not merged, which the scan follows and leaves after $2 of them.
     */
    private static final String COMPACT_HOURS = "WITH k AS (SELECT DISTINCT tenant_id, key_id, hour, client_ip"
            + " FROM client_ip_hour WHERE NOT merged AND hour < $1 ORDER BY tenant_id, key_id, hour, client_ip"
            + " LIMIT $2),"
            + " taken AS (DELETE FROM client_ip_hour c USING k WHERE c.tenant_id = k.tenant_id"
            + " AND c.key_id = k.key_id AND c.hour = k.hour AND c.client_ip = k.client_ip RETURNING c.*)"
            + " INSERT INTO client_ip_hour (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures, merged)"
            + " SELECT tenant_id, key_id, hour, client_ip, sum(calls), sum(errors), sum(auth_failures), true"
            + " FROM taken GROUP BY tenant_id, key_id, hour, client_ip";

    /** The rows of up to $1 addresses of keys with a row not merged, replaced by one. */
    private static final String COMPACT_ADDRESSES = "WITH k AS (SELECT DISTINCT tenant_id, key_id, client_ip"
            + " FROM key_client_ip WHERE NOT merged ORDER BY tenant_id, key_id, client_ip LIMIT $1),"
            + " taken AS (DELETE FROM key_client_ip c USING k WHERE c.tenant_id = k.tenant_id"
            + " AND c.key_id = k.key_id AND c.client_ip = k.client_ip RETURNING c.*)"
            + " INSERT INTO key_client_ip (tenant_id, key_id, client_ip, first_seen, last_seen, calls, merged)"
            + " SELECT tenant_id, key_id, client_ip, min(first_seen), max(last_seen), sum(calls), true"
            + " FROM taken GROUP BY tenant_id, key_id, client_ip";

    private final Pool pool;

    ClientIpStore(Pool pool) {
        this.pool = pool;
    }

    /** Appends a window's rows in the caller's transaction. */
    public Uni<Void> add(SqlConnection tx, Map<ClientIpKey, ClientIpCounts> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] tenants = new String[n], keys = new String[n], ips = new String[n];
        OffsetDateTime[] hours = new OffsetDateTime[n], first = new OffsetDateTime[n], last = new OffsetDateTime[n];
        Long[] calls = new Long[n], errors = new Long[n], failures = new Long[n];
        int i = 0;
        for (Map.Entry<ClientIpKey, ClientIpCounts> e : rows.entrySet()) {
            tenants[i] = e.getKey().tenantId();
            keys[i] = e.getKey().keyId();
            hours[i] = e.getKey().hour().atOffset(ZoneOffset.UTC);
            ips[i] = e.getKey().clientIp();
            calls[i] = e.getValue().calls();
            errors[i] = e.getValue().errors();
            failures[i] = e.getValue().authFailures();
            first[i] = e.getValue().firstSeen().atOffset(ZoneOffset.UTC);
            last[i] = e.getValue().lastSeen().atOffset(ZoneOffset.UTC);
            i++;
        }
        Tuple params = Tuple.tuple()
                .addArrayOfString(tenants)
                .addArrayOfString(keys)
                .addArrayOfOffsetDateTime(hours)
                .addArrayOfString(ips)
                .addArrayOfLong(calls)
                .addArrayOfLong(errors)
                .addArrayOfLong(failures);
        // One row per address of a key: the hours of a window are summed by the GROUP BY.
        Tuple withTimes = Tuple.tuple()
                .addArrayOfString(tenants)
                .addArrayOfString(keys)
                .addArrayOfString(ips)
                .addArrayOfOffsetDateTime(first)
                .addArrayOfOffsetDateTime(last)
                .addArrayOfLong(calls);
        // Sent together: the connection pipelines them, one round trip instead of two.
        return Uni.combine()
                .all()
                .unis(
                        tx.preparedQuery(ADD_HOURS).execute(params),
                        tx.preparedQuery(ADD_ADDRESSES).execute(withTimes))
                .discardItems();
    }

    /**
     * Merges, in the caller's transaction, the rows of up to {@code limit} addresses (and hours, for hours before
     * {@code closedBefore}) that have a row not merged yet.
     *
     * @return the most rows written to one of the two tables (at {@code limit}, there may be more to merge)
     */
    public Uni<Integer> compact(SqlConnection tx, Instant closedBefore, int limit) {
        return tx.preparedQuery(COMPACT_HOURS)
                .execute(Tuple.of(closedBefore.atOffset(ZoneOffset.UTC), limit))
                .chain(hours -> tx.preparedQuery(COMPACT_ADDRESSES)
                        .execute(Tuple.of(limit))
                        .map(addresses -> Math.max(hours.rowCount(), addresses.rowCount())));
    }

    /** Calls per client address in the hours overlapping the window, most first; of one key if the query has one. */
    public Uni<List<ClientIpUsage>> perAddress(ReportQuery query, int limit) {
        Tuple params = Tuple.tuple()
                .addString(query.tenantId())
                .addOffsetDateTime(
                        query.window().from().truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.window().to().atOffset(ZoneOffset.UTC));
        String keyCondition = "";
        if (query.keyId() != null) {
            params.addString(query.keyId());
            keyCondition = " AND key_id = $4";
        }
        String sql = "SELECT client_ip, sum(calls)::bigint AS calls, sum(errors)::bigint AS errors,"
                + " sum(auth_failures)::bigint AS auth_failures FROM client_ip_hour"
                + " WHERE tenant_id = $1 AND hour >= $2 AND hour < $3" + keyCondition
                + " GROUP BY client_ip ORDER BY calls DESC, client_ip LIMIT " + limit;
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<ClientIpUsage> usage = new ArrayList<>();
            for (Row row : rows) {
                usage.add(new ClientIpUsage(
                        row.getString("client_ip"),
                        row.getLong("calls"),
                        row.getLong("errors"),
                        row.getLong("auth_failures")));
            }
            return usage;
        });
    }

    /** The addresses a key was first used from within {@code [from, to)}, earliest first. */
    public Uni<List<KeyAddress>> newAddresses(String tenantId, String keyId, Instant from, Instant to, int limit) {
        String sql = "SELECT client_ip, min(first_seen) AS first_seen, max(last_seen) AS last_seen,"
                + " sum(calls)::bigint AS calls FROM key_client_ip WHERE tenant_id = $1 AND key_id = $2"
                + " GROUP BY client_ip HAVING min(first_seen) >= $3 AND min(first_seen) < $4"
                + " ORDER BY first_seen, client_ip LIMIT " + limit;
        return pool.preparedQuery(sql)
                .execute(Tuple.of(tenantId, keyId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<KeyAddress> addresses = new ArrayList<>();
                    for (Row row : rows) {
                        addresses.add(new KeyAddress(
                                row.getString("client_ip"),
                                row.getOffsetDateTime("first_seen").toInstant(),
                                row.getOffsetDateTime("last_seen").toInstant(),
                                row.getLong("calls")));
                    }
                    return addresses;
                });
    }
}
