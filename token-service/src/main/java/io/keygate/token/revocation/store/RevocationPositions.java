package io.keygate.token.revocation.store;

import io.keygate.events.EventType;
import io.keygate.token.revocation.KafkaPosition;
import io.keygate.token.revocation.PublishedRevocation;
import io.keygate.token.store.SqlTimestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a credential's revocation event from the event store with the Kafka position the outbox relay recorded for
 * it ({@code event_publication}, written for the types in {@code keygate.eventstore.relay.record-positions-of}).
 */
@ApplicationScoped
public class RevocationPositions {

    private final Pool pool;

    RevocationPositions(Pool pool) {
        this.pool = pool;
    }

    /** The revocation of API key {@code keyId} of {@code tenantId}; null when the key is unknown or not revoked. */
    public Uni<PublishedRevocation> ofApiKey(String tenantId, String keyId) {
        return find(tenantId, keyId, EventType.API_KEY_REVOKED);
    }

    /** The revocation of the access token {@code jti} of {@code tenantId}; null when none was revoked. */
    public Uni<PublishedRevocation> ofAccessToken(String tenantId, String jti) {
        return find(tenantId, jti, EventType.ACCESS_TOKEN_REVOKED);
    }

    private Uni<PublishedRevocation> find(String tenantId, String credentialId, EventType type) {
        return pool.preparedQuery("""
                        SELECT e.event_id, e.occurred_at, p.topic, p.kafka_partition, p.kafka_offset
                        FROM event_store e LEFT JOIN event_publication p ON p.event_id = e.event_id
                        WHERE e.aggregate_id = $1 AND e.tenant_id = $2 AND e.event_type = $3
                        ORDER BY e.version LIMIT 1""")
                .execute(Tuple.of(credentialId, tenantId, type.type()))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    return found.hasNext() ? toRevocation(credentialId, found.next()) : null;
                });
    }

    private static PublishedRevocation toRevocation(String credentialId, Row row) {
        String topic = row.getString("topic");
        KafkaPosition position = topic == null
                ? null
                : new KafkaPosition(topic, row.getInteger("kafka_partition"), row.getLong("kafka_offset"));
        return new PublishedRevocation(
                credentialId, row.getUUID("event_id"), SqlTimestamps.instant(row, "occurred_at"), position);
    }
}
