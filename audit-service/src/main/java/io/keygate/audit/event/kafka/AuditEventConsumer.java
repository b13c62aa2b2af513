package io.keygate.audit.event.kafka;

import io.cloudevents.CloudEvent;
import io.keygate.audit.config.AuditConfig;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.AuditEventReader;
import io.keygate.audit.event.UnreadableRecordException;
import io.keygate.audit.event.store.AuditEventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores every event of Keygate's topics, a poll's batch at a time. The batch is acknowledged (its
 * offsets become committable) only after the database committed it, so a crash replays it; the replay
 * inserts nothing twice because events are keyed by id. A record that is not a storable CloudEvent is
 * logged (never its payload), counted and skipped, so it cannot block its partition.
 */
@ApplicationScoped
public class AuditEventConsumer {

    private static final Logger LOG = Logger.getLogger(AuditEventConsumer.class);

    private final AuditEventStore store;
    private final AuditConfig config;
    private final MeterRegistry metrics;
    private final AuditEventReader reader = new AuditEventReader();
    private final Counter stored;
    private final Counter duplicates;

    AuditEventConsumer(AuditEventStore store, AuditConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.stored = metrics.counter("keygate.audit.events.stored");
        this.duplicates = metrics.counter("keygate.audit.events.duplicate");
    }

    @Incoming("audit-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> store(KafkaRecordBatch<String, CloudEvent> batch) {
        List<AuditEvent> events = readable(batch);
        Duration backoff = config.audit().writeBackoff();
        return store.insertAll(events)
                .onFailure()
                .retry()
                .withBackOff(backoff, backoff.multipliedBy(10))
                .atMost(config.audit().writeAttempts())
                .onItemOrFailure()
                .transformToUni((inserted, failure) -> {
                    if (failure != null) {
                        LOG.errorf(
                                failure,
                                "Could not store a batch of %d events; the channel stops and the batch will be replayed",
                                events.size());
                        return Uni.createFrom().completionStage(() -> batch.nack(failure));
                    }
                    stored.increment(inserted);
                    duplicates.increment(events.size() - inserted);
                    return Uni.createFrom().completionStage(batch::ack);
                });
    }

    private List<AuditEvent> readable(KafkaRecordBatch<String, CloudEvent> batch) {
        List<AuditEvent> events = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, CloudEvent> record : batch) {
            try {
                events.add(read(record));
            } catch (UnreadableRecordException e) {
                skip(record, e.getMessage());
            } catch (RuntimeException e) {
                // A record the SDK chokes on must not stop the partition either; the class says enough.
                skip(record, "unexpected " + e.getClass().getSimpleName());
            }
        }
        return events;
    }

    private AuditEvent read(KafkaRecord<String, CloudEvent> record) {
        if (record.getPayload() == null) {
            Header failure =
                    record.getHeaders().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
            throw new UnreadableRecordException(failure == null ? "no value (tombstone)" : "not a CloudEvent");
        }
        return reader.read(record.getTopic(), record.getTimestamp(), record.getPayload());
    }

    private void skip(KafkaRecord<String, CloudEvent> record, String reason) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getOffset())
                .orElse(-1L);
        LOG.warnf(
                "Skipped unreadable record %s-%d offset %d: %s",
                record.getTopic(), record.getPartition(), offset, reason);
        metrics.counter("keygate.audit.records.unreadable", "topic", record.getTopic())
                .increment();
    }
}
