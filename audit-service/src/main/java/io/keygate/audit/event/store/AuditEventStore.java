package io.keygate.audit.event.store;

import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.AuditPage;
import io.keygate.audit.event.AuditQuery;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code audit_event} table: idempotent batch inserts and paged reads. */
@ApplicationScoped
public class AuditEventStore {

    /** Before the messaging channels start (LIBRARY_BEFORE), so no batch arrives before the table exists. */
    static final int SCHEMA_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 10;

    private static final String COLUMNS = "event_id, topic, type, subject, tenant_id, sequence, source, occurred_at, "
            + "correlation_id, causation_id";

    // One statement for the whole batch: the arrays are unnested into rows; a known id inserts nothing.
    private static final String INSERT = "INSERT INTO audit_event (" + COLUMNS + ", data) SELECT " + COLUMNS
            + ", data::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],"
            + " $7::text[], $8::timestamptz[], $9::text[], $10::text[], $11::text[]) AS e(" + COLUMNS + ", data)"
            + " ON CONFLICT (event_id) DO NOTHING";

    private static final String SELECT = "SELECT " + COLUMNS + ", data::text AS data, recorded_at FROM audit_event";

    private final Pool pool;

    AuditEventStore(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(SCHEMA_PRIORITY) StartupEvent startup) {
        pool.query(resource("/io/keygate/audit/schema.sql")).execute().await().atMost(Duration.ofSeconds(30));
    }

    /**
     * Stores the events in one transaction; events already stored are left as they are.
     *
     * @return how many were new
     */
    public Uni<Integer> insertAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n],
                types = new String[n],
                subjects = new String[n],
                tenants = new String[n],
                sources = new String[n],
                correlations = new String[n],
                causations = new String[n],
                data = new String[n];
        Long[] sequences = new Long[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = events.get(i);
            ids[i] = e.eventId();
            topics[i] = e.topic();
            types[i] = e.type();
            subjects[i] = e.subject();
            tenants[i] = e.tenantId();
            sequences[i] = e.sequence();
            sources[i] = e.source();
            times[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
            correlations[i] = e.correlationId();
            causations[i] = e.causationId();
            data[i] = e.data();
        }
        Tuple arrays = Tuple.tuple()
                .addArrayOfUUID(ids)
                .addArrayOfString(topics)
                .addArrayOfString(types)
                .addArrayOfString(subjects)
                .addArrayOfString(tenants)
                .addArrayOfLong(sequences)
                .addArrayOfString(sources)
                .addArrayOfOffsetDateTime(times)
                .addArrayOfString(correlations)
                .addArrayOfString(causations)
                .addArrayOfString(data);
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT).execute(arrays))
                .map(rows -> rows.rowCount());
    }

    /** One event, or null. */
    public Uni<AuditEvent> find(UUID eventId) {
        return pool.preparedQuery(SELECT + " WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() == 0 ? null : toEvent(rows.iterator().next()));
    }

    /** A page of events matching the query, in {@code (occurred_at, event_id)} order. */
    public Uni<AuditPage> page(AuditQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        Tuple params = Tuple.tuple();
        condition(sql, params, "tenant_id = $%d", query.tenantId());
        condition(sql, params, "type = $%d", query.type());
        condition(sql, params, "subject = $%d", query.subject());
        condition(sql, params, "occurred_at >= $%d", utc(query.from()));
        condition(sql, params, "occurred_at < $%d", utc(query.to()));
        if (query.after() != null) {
            params.addOffsetDateTime(utc(query.after().occurredAt()))
                    .addUUID(query.after().eventId());
            sql.append(" AND (occurred_at, event_id) > ($")
                    .append(params.size() - 1)
                    .append(", $")
                    .append(params.size())
                    .append(')');
        }
        params.addInteger(query.limit() + 1);
        sql.append(" ORDER BY occurred_at, event_id LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(params).map(rows -> {
            List<AuditEvent> events = new ArrayList<>();
            rows.forEach(row -> events.add(toEvent(row)));
            return AuditPage.of(events, query.limit());
        });
    }

    private static void condition(StringBuilder sql, Tuple params, String template, Object value) {
        if (value != null) {
            params.addValue(value);
            sql.append(" AND ").append(String.format(template, params.size()));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static AuditEvent toEvent(Row row) {
        return new AuditEvent(
                row.getUUID("event_id"),
                row.getString("topic"),
                row.getString("type"),
                row.getString("subject"),
                row.getString("tenant_id"),
                row.getLong("sequence"),
                row.getString("source"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("correlation_id"),
                row.getString("causation_id"),
                row.getString("data"),
                row.getOffsetDateTime("recorded_at").toInstant());
    }

    private static String resource(String name) {
        try (InputStream in = AuditEventStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
