package io.keygate.audit.event.store;

import io.keygate.audit.chain.ChainLink;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.AuditQuery;
import io.keygate.audit.event.CallRecordRow;
import io.keygate.audit.event.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the trail: pages in the stable order {@code (time, id)} by keyset (so a page costs the same however deep),
 * exports as a stream of such pages (memory flat however large the export), and a chain in sequence order for
 * verification.
 */
@ApplicationScoped
public class TrailReader {

    private static final String ENTRY_SELECT = "SELECT " + AuditEventStore.ENTRY_COLUMNS
            + ", encode(prev_hash, 'hex') AS prev_hash, encode(entry_hash, 'hex') AS entry_hash, recorded_at"
            + " FROM audit_entry";

    private static final String CALL_SELECT = "SELECT event_id, occurred_at, tenant_id, key_id, route_id, gateway_id,"
            + " request_id, method, path, status, outcome, client_ip, duration_micros, bytes_in, bytes_out"
            + " FROM call_record";

    private final Pool pool;

    TrailReader(Pool pool) {
        this.pool = pool;
    }

    /** A page of audit entries. */
    public Uni<Page<AuditEvent>> entries(AuditQuery query) {
        return page(ENTRY_SELECT, query, TrailReader::toEntry, AuditEvent::occurredAt, AuditEvent::eventId);
    }

    /** A page of call records. */
    public Uni<Page<CallRecordRow>> calls(AuditQuery query) {
        return page(CALL_SELECT, query, TrailReader::toCall, CallRecordRow::occurredAt, CallRecordRow::eventId);
    }

    /** Every audit entry matching the query's filters, read a page at a time as the consumer asks for more. */
    public Multi<AuditEvent> exportEntries(AuditQuery query) {
        return export(query, this::entries);
    }

    /** Every call record matching the query's filters, read a page at a time as the consumer asks for more. */
    public Multi<CallRecordRow> exportCalls(AuditQuery query) {
        return export(query, this::calls);
    }

    /** One entry, or null. */
    public Uni<AuditEvent> entry(UUID eventId) {
        return pool.preparedQuery(ENTRY_SELECT + " WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() == 0 ? null : toEntry(rows.iterator().next()));
    }

    /** Up to {@code limit} entries of a chain from position {@code fromSequence} on, in sequence order. */
    public Uni<List<AuditEvent>> chain(String chain, long fromSequence, long toSequence, int limit) {
        return pool.preparedQuery(ENTRY_SELECT + " WHERE chain = $1 AND chain_seq >= $2 AND chain_seq <= $3"
                        + " ORDER BY chain_seq LIMIT $4")
                .execute(Tuple.of(chain, fromSequence, toSequence, limit))
                .map(rows -> {
                    List<AuditEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEntry(row)));
                    return events;
                });
    }

    /** The chain's last position, or null when it has no entry. */
    public Uni<Long> head(String chain) {
        return pool.preparedQuery("SELECT last_seq FROM audit_chain_head WHERE chain = $1")
                .execute(Tuple.of(chain))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    /** The chain's lowest stored position (entries before it were removed by retention), or null. */
    public Uni<Long> first(String chain) {
        return pool.preparedQuery("SELECT min(chain_seq) FROM audit_entry WHERE chain = $1")
                .execute(Tuple.of(chain))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private <T> Multi<T> export(AuditQuery query, Function<AuditQuery, Uni<Page<T>>> pages) {
        AuditQuery first = query.continuing(null, AuditQuery.EXPORT_PAGE);
        return Multi.createBy()
                .repeating()
                .uni(() -> new Object[] {first}, state -> {
                    AuditQuery current = (AuditQuery) state[0];
                    if (current == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return pages.apply(current)
                            .invoke(page -> state[0] = page.next() == null
                                    ? null
                                    : current.continuing(page.next(), AuditQuery.EXPORT_PAGE));
                })
                .whilst(page -> page.next() != null)
                .onItem()
                .transformToIterable(Page::items);
    }

    private <T> Uni<Page<T>> page(
            String select,
            AuditQuery query,
            Function<Row, T> mapper,
            Function<T, java.time.Instant> time,
            Function<T, UUID> id) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE true");
        Tuple params = Tuple.tuple();
        for (AuditQuery.Filter filter : query.filters()) {
            params.addValue(filter.value());
            sql.append(" AND ").append(filter.column()).append(" = $").append(params.size());
        }
        if (query.from() != null) {
            params.addOffsetDateTime(AuditEventStore.utc(query.from()));
            sql.append(" AND occurred_at >= $").append(params.size());
        }
        if (query.to() != null) {
            params.addOffsetDateTime(AuditEventStore.utc(query.to()));
            sql.append(" AND occurred_at < $").append(params.size());
        }
        if (query.after() != null) {
            params.addOffsetDateTime(AuditEventStore.utc(query.after().occurredAt()))
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
            List<T> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(mapper.apply(row)));
            return Page.of(items, query.limit(), time, id);
        });
    }

    static AuditEvent toEntry(Row row) {
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
                row.getString("actor"),
                row.getString("action"),
                row.getString("target"),
                row.getString("outcome"),
                row.getString("client_ip"),
                row.getString("data"),
                new ChainLink(
                        row.getString("chain"),
                        row.getLong("chain_seq"),
                        row.getString("prev_hash"),
                        row.getString("entry_hash")),
                row.getOffsetDateTime("recorded_at").toInstant());
    }

    static CallRecordRow toCall(Row row) {
        return new CallRecordRow(
                row.getUUID("event_id"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("tenant_id"),
                row.getString("key_id"),
                row.getString("route_id"),
                row.getString("gateway_id"),
                row.getString("request_id"),
                row.getString("method"),
                row.getString("path"),
                row.getInteger("status"),
                row.getString("outcome"),
                row.getString("client_ip"),
                row.getLong("duration_micros"),
                row.getLong("bytes_in"),
                row.getLong("bytes_out"));
    }
}
