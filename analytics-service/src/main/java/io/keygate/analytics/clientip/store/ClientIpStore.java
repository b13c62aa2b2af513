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
 * key was used from, with its first and last call). A window appends its own rows to {@code client_ip_hour_pending}
 * (with their first and last call) without reading or locking stored ones; {@link #compact} moves them, adding them to
 * the one row of their address and hour and to the one row of their address, in one statement; readers add the
 * pending rows to the stored ones in one statement, so they are exact before, during and after a pass.
 */
@ApplicationScoped
public class ClientIpStore {

    private static final String ADD = "INSERT INTO client_ip_hour_pending"
            + " (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures, first_seen, last_seen)"
            + " SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::bigint[],"
            + " $6::bigint[], $7::bigint[], $8::timestamptz[], $9::timestamptz[])";

    /**
     * The pending rows of up to $2 addresses and hours, in hours that began before $1 (the current hour too, once $1
     * is past its start: a later pass adds what came since), added to their address and hour's row and to their
     * address's row; the first in the order of the pending rows' index, which the scan follows and leaves after $2 of
     * them. Answers how many rows each table was written.
     */
    private static final String COMPACT = "WITH k AS (SELECT DISTINCT tenant_id, key_id, hour, client_ip"
            + " FROM client_ip_hour_pending WHERE hour < $1 ORDER BY tenant_id, key_id, hour, client_ip LIMIT $2),"
            + " taken AS (DELETE FROM client_ip_hour_pending p USING k WHERE p.tenant_id = k.tenant_id"
            + " AND p.key_id = k.key_id AND p.hour = k.hour AND p.client_ip = k.client_ip RETURNING p.*),"
            + " hours AS (INSERT INTO client_ip_hour AS h"
            + " (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures)"
            + " SELECT tenant_id, key_id, hour, client_ip, sum(calls), sum(errors), sum(auth_failures)"
            + " FROM taken GROUP BY tenant_id, key_id, hour, client_ip"
            + " ON CONFLICT (tenant_id, key_id, hour, client_ip) DO UPDATE SET calls = h.calls + excluded.calls,"
            + " errors = h.errors + excluded.errors, auth_failures = h.auth_failures + excluded.auth_failures"
            + " RETURNING 1),"
            + " addresses AS (INSERT INTO key_client_ip AS a"
            + " (tenant_id, key_id, client_ip, first_seen, last_seen, calls)"
            + " SELECT tenant_id, key_id, client_ip, min(first_seen), max(last_seen), sum(calls) FROM taken"
            + " GROUP BY tenant_id, key_id, client_ip"
            + " ON CONFLICT (tenant_id, key_id, client_ip) DO UPDATE SET"
            + " first_seen = least(a.first_seen, excluded.first_seen),"
            + " last_seen = greatest(a.last_seen, excluded.last_seen), calls = a.calls + excluded.calls RETURNING 1)"
            + " SELECT (SELECT count(*) FROM hours) AS hours, (SELECT count(*) FROM addresses) AS addresses";

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
                .addArrayOfLong(failures)
                .addArrayOfOffsetDateTime(first)
                .addArrayOfOffsetDateTime(last);
        return tx.preparedQuery(ADD).execute(params).replaceWithVoid();
    }

    /**
     * Moves, in the caller's transaction, the pending rows of up to {@code limit} addresses and hours (hours that
     * began before {@code closedBefore}) to the stored rows.
     *
     * @return the most rows written to one of the two tables (at {@code limit}, there may be more to merge)
     */
    public Uni<Integer> compact(SqlConnection tx, Instant closedBefore, int limit) {
        return tx.preparedQuery(COMPACT)
                .execute(Tuple.of(closedBefore.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    Row written = rows.iterator().next();
                    return (int) Math.max(written.getLong("hours"), written.getLong("addresses"));
                });
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
        String where = " WHERE tenant_id = $1 AND hour >= $2 AND hour < $3" + keyCondition;
        String sql = "SELECT client_ip, sum(calls)::bigint AS calls, sum(errors)::bigint AS errors,"
                + " sum(auth_failures)::bigint AS auth_failures FROM (SELECT client_ip, calls, errors, auth_failures"
                + " FROM client_ip_hour" + where + " UNION ALL SELECT client_ip, calls, errors, auth_failures"
                + " FROM client_ip_hour_pending" + where + ") AS a"
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
        // The address rows compaction built, and the key's pending rows.
        String sql = "SELECT client_ip, min(first_seen) AS first_seen, max(last_seen) AS last_seen,"
                + " sum(calls)::bigint AS calls FROM (SELECT client_ip, first_seen, last_seen, calls FROM key_client_ip"
                + " WHERE tenant_id = $1 AND key_id = $2 UNION ALL SELECT client_ip, first_seen, last_seen, calls"
                + " FROM client_ip_hour_pending WHERE tenant_id = $1 AND key_id = $2) AS a"
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
