package io.keygate.analytics.usage.store;

import io.keygate.analytics.usage.KeyMinuteUsage;
import io.keygate.analytics.usage.UsageRollup;
import io.keygate.analytics.usage.UsageWindow;
import io.keygate.events.EventEnvelope;
import io.keygate.events.call.CallRecorded;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code processed_call} and {@code key_minute_usage} tables. */
@ApplicationScoped
public class UsageStore {

    /** Before the messaging channels start (LIBRARY_BEFORE), so no batch arrives before the tables exist. */
    static final int SCHEMA_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 10;

    private static final String MARK_PROCESSED = "INSERT INTO processed_call (event_id) SELECT unnest($1::uuid[])"
            + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

    private static final String ADD_USAGE = "INSERT INTO key_minute_usage"
            + " (tenant_id, key_id, minute, calls, errors, bytes_in, bytes_out)"
            + " SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::bigint[],"
            + " $7::bigint[])"
            + " ON CONFLICT (tenant_id, key_id, minute) DO UPDATE SET calls = key_minute_usage.calls + EXCLUDED.calls,"
            + " errors = key_minute_usage.errors + EXCLUDED.errors, bytes_in = key_minute_usage.bytes_in + EXCLUDED.bytes_in,"
            + " bytes_out = key_minute_usage.bytes_out + EXCLUDED.bytes_out";

    private static final String MINUTES = "SELECT * FROM key_minute_usage WHERE tenant_id = $1 AND key_id = $2"
            + " AND minute >= $3 AND minute < $4 ORDER BY minute";

    private final Pool pool;

    UsageStore(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(SCHEMA_PRIORITY) StartupEvent startup) {
        pool.query(resource("/io/keygate/analytics/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    /**
     * Counts the calls not counted before, in one transaction: their ids are recorded as processed and
     * only the calls whose id was new are added to the per-minute sums.
     *
     * @param calls calls counted per key, with distinct ids
     * @return how many were new
     */
    public Uni<Integer> count(List<EventEnvelope<CallRecorded>> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        UUID[] ids = calls.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery(MARK_PROCESSED)
                .execute(Tuple.tuple().addArrayOfUUID(ids))
                .chain(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID("event_id")));
                    List<CallRecorded> newCalls = calls.stream()
                            .filter(c -> fresh.contains(c.id()))
                            .map(EventEnvelope::data)
                            .toList();
                    return add(tx, UsageRollup.rollUp(newCalls)).replaceWith(fresh.size());
                }));
    }

    /** The minutes of a key with calls in the window, oldest first. */
    public Uni<List<KeyMinuteUsage>> minutes(String tenantId, String keyId, UsageWindow window) {
        Tuple params = Tuple.of(
                tenantId,
                keyId,
                window.firstMinute().atOffset(ZoneOffset.UTC),
                window.to().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(MINUTES).execute(params).map(rows -> {
            List<KeyMinuteUsage> minutes = new ArrayList<>();
            rows.forEach(row -> minutes.add(toUsage(row)));
            return minutes;
        });
    }

    private static Uni<Void> add(SqlConnection tx, List<KeyMinuteUsage> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] tenants = new String[n], keys = new String[n];
        OffsetDateTime[] minutes = new OffsetDateTime[n];
        Long[] calls = new Long[n], errors = new Long[n], bytesIn = new Long[n], bytesOut = new Long[n];
        for (int i = 0; i < n; i++) {
            KeyMinuteUsage row = rows.get(i);
            tenants[i] = row.tenantId();
            keys[i] = row.keyId();
            minutes[i] = row.minute().atOffset(ZoneOffset.UTC);
            calls[i] = row.calls();
            errors[i] = row.errors();
            bytesIn[i] = row.bytesIn();
            bytesOut[i] = row.bytesOut();
        }
        return tx.preparedQuery(ADD_USAGE)
                .execute(Tuple.tuple()
                        .addArrayOfString(tenants)
                        .addArrayOfString(keys)
                        .addArrayOfOffsetDateTime(minutes)
                        .addArrayOfLong(calls)
                        .addArrayOfLong(errors)
                        .addArrayOfLong(bytesIn)
                        .addArrayOfLong(bytesOut))
                .replaceWithVoid();
    }

    private static KeyMinuteUsage toUsage(Row row) {
        return new KeyMinuteUsage(
                row.getString("tenant_id"),
                row.getString("key_id"),
                row.getOffsetDateTime("minute").toInstant(),
                row.getLong("calls"),
                row.getLong("errors"),
                row.getLong("bytes_in"),
                row.getLong("bytes_out"));
    }

    private static String resource(String name) {
        try (InputStream in = UsageStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
