package io.keygate.eventstore;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events to append, of one aggregate or of several (a commit group's), written in two statements whatever their
 * number: one multi-row insert into the event store, one into the outbox in the order they were added (the relay
 * publishes in outbox order). A statement per event costs PostgreSQL an executor start and a result message each; a
 * group of issuances would send a dozen.
 */
final class EventRows {

    private final EventCodec codec;
    private final List<String> aggregateIds = new ArrayList<>();
    private final List<Long> versions = new ArrayList<>();
    private final List<String> aggregateTypes = new ArrayList<>();
    private final List<UUID> eventIds = new ArrayList<>();
    private final List<String> eventTypes = new ArrayList<>();
    private final List<String> tenantIds = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<OffsetDateTime> occurredAts = new ArrayList<>();
    private final List<String> correlationIds = new ArrayList<>();
    private final List<String> causationIds = new ArrayList<>();
    private final List<String> payloads = new ArrayList<>();
    private final List<String> actors = new ArrayList<>();
    private final List<String> clientIps = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    EventRows(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * Adds an aggregate's new events, whose sequences must continue from {@code expectedVersion}: all of them, or, if
     * one is refused, none (the rows already added stay as they were).
     *
     * @throws IllegalArgumentException if they do not continue it, or if an event's JSON is not storable
     */
    EventRows add(
            String aggregateType, long expectedVersion, List<? extends EventEnvelope<? extends KeygateEvent>> events) {
        // Everything that can refuse an event first, so that a refusal leaves no partial row behind.
        List<String> eventPayloads = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (EventEnvelope<? extends KeygateEvent> event : events) {
            version++;
            if (event.sequence() != version) {
                throw new IllegalArgumentException(
                        "Event sequence " + event.sequence() + " does not follow " + (version - 1));
            }
            // As text, cast in SQL (json keeps it verbatim: the relay publishes these very bytes); a JsonObject
            // would cost a parse and a re-serialisation of the same bytes.
            eventPayloads.add(new String(EventStore.storable(codec.toJson(event.data())), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<? extends KeygateEvent> event = events.get(i);
            aggregateIds.add(event.subject());
            versions.add(event.sequence());
            aggregateTypes.add(aggregateType);
            eventIds.add(event.id());
            eventTypes.add(event.type().type());
            tenantIds.add(event.tenantId());
            sources.add(event.source());
            occurredAts.add(event.occurredAt().atOffset(ZoneOffset.UTC));
            correlationIds.add(event.correlationId());
            causationIds.add(event.causationId());
            payloads.add(eventPayloads.get(i));
            actors.add(event.actor());
            clientIps.add(event.clientIp());
            topics.add(event.type().topic().topicName());
        }
        return this;
    }

    boolean isEmpty() {
        return eventIds.isEmpty();
    }

    int size() {
        return eventIds.size();
    }

    /**
     * The event-store insert; a clash on (aggregate id, version) fails it with PostgreSQL's unique violation, and the
     * outbox insert sent after it then fails too.
     */
    Uni<?> insertEvents(SqlConnection tx) {
        return tx.preparedQuery("""
                        INSERT INTO event_store (aggregate_id, version, aggregate_type, event_id, event_type, tenant_id,
                            source, occurred_at, correlation_id, causation_id, payload, actor, client_ip)
                        SELECT aggregate_id, version, aggregate_type, event_id, event_type, tenant_id, source,
                            occurred_at, correlation_id, causation_id, payload::json, actor, client_ip
                        FROM unnest($1::text[], $2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::text[],
                            $7::text[], $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::text[],
                            $13::text[])
                            AS e(aggregate_id, version, aggregate_type, event_id, event_type, tenant_id, source,
                                occurred_at, correlation_id, causation_id, payload, actor, client_ip)""")
                .execute(Tuple.tuple()
                        .addArrayOfString(aggregateIds.toArray(String[]::new))
                        .addArrayOfLong(versions.toArray(Long[]::new))
                        .addArrayOfString(aggregateTypes.toArray(String[]::new))
                        .addArrayOfUUID(eventIds.toArray(UUID[]::new))
                        .addArrayOfString(eventTypes.toArray(String[]::new))
                        .addArrayOfString(tenantIds.toArray(String[]::new))
                        .addArrayOfString(sources.toArray(String[]::new))
                        .addArrayOfOffsetDateTime(occurredAts.toArray(OffsetDateTime[]::new))
                        .addArrayOfString(correlationIds.toArray(String[]::new))
                        .addArrayOfString(causationIds.toArray(String[]::new))
                        .addArrayOfString(payloads.toArray(String[]::new))
                        .addArrayOfString(actors.toArray(String[]::new))
                        .addArrayOfString(clientIps.toArray(String[]::new)));
    }

    /** The outbox insert: the rows get their sequence numbers in the order the events were added. */
    Uni<?> insertOutbox(SqlConnection tx) {
        return tx.preparedQuery("""
                        INSERT INTO event_outbox (event_id, topic)
                        SELECT event_id, topic FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS o(event_id, topic, n)
                        ORDER BY n""")
                .execute(Tuple.tuple()
                        .addArrayOfUUID(eventIds.toArray(UUID[]::new))
                        .addArrayOfString(topics.toArray(String[]::new)));
    }
}
