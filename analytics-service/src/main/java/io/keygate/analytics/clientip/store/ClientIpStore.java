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
 * key was used from, with its first and last call). Written in the batch's transaction with plain additive upserts.
 */
@ApplicationScoped
public class ClientIpStore {

    private static final String ADD_HOURS = "INSERT INTO client_ip_hour"
            + " (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures)"
            + " SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::bigint[], $6::bigint[],"
            + " $7::bigint[]) ON CONFLICT (tenant_id, key_id, hour, client_ip) DO UPDATE SET"
            + " calls = client_ip_hour.calls + EXCLUDED.calls, errors = client_ip_hour.errors + EXCLUDED.errors,"
            + " auth_failures = client_ip_hour.auth_failures + EXCLUDED.auth_failures";

    private static final String ADD_ADDRESSES = "INSERT INTO key_client_ip"
            + " (tenant_id, key_id, client_ip, first_seen, last_seen, calls)"
            + " SELECT tenant_id, key_id, client_ip, min(first_seen), max(last_seen), sum(calls)::bigint"
            + " FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[])"
            + " AS u(tenant_id, key_id, client_ip, first_seen, last_seen, calls) GROUP BY tenant_id, key_id, client_ip ORDER BY tenant_id, key_id, client_ip"
            + " ON CONFLICT (tenant_id, key_id, client_ip) DO UPDATE SET"
            + " first_seen = least(key_client_ip.first_seen, EXCLUDED.first_seen),"
            + " last_seen = greatest(key_client_ip.last_seen, EXCLUDED.last_seen),"
            + " calls = key_client_ip.calls + EXCLUDED.calls";

    private final Pool pool;

    ClientIpStore(Pool pool) {
        this.pool = pool;
    }

    /** Adds a batch's rows in the caller's transaction. */
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
        // One row per address of a key: the hours of a batch are summed by the GROUP BY.
        Tuple withTimes = Tuple.tuple()
                .addArrayOfString(tenants)
                .addArrayOfString(keys)
                .addArrayOfString(ips)
                .addArrayOfOffsetDateTime(first)
                .addArrayOfOffsetDateTime(last)
                .addArrayOfLong(calls);
        return tx.preparedQuery(ADD_HOURS)
                .execute(params)
                .chain(() -> tx.preparedQuery(ADD_ADDRESSES).execute(withTimes))
                .replaceWithVoid();
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
        String sql = "SELECT client_ip, first_seen, last_seen, calls FROM key_client_ip WHERE tenant_id = $1"
                + " AND key_id = $2 AND first_seen >= $3 AND first_seen < $4 ORDER BY first_seen, client_ip LIMIT "
                + limit;
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
