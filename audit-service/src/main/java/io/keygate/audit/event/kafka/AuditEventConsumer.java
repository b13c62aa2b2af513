package io.keygate.audit.event.kafka;

import io.keygate.audit.config.AuditConfig;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.AuditEventReader;
import io.keygate.audit.event.CallRecordRow;
import io.keygate.audit.event.DeadLetter;
import io.keygate.audit.event.RawRecord;
import io.keygate.audit.event.ReadRecord;
import io.keygate.audit.event.store.AuditEventStore;
import io.keygate.audit.event.store.WriteResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores every record of Keygate's topics, a poll's batch at a time: admin activity as hash-chained audit entries,
 * call records apart, and whatever is neither as a dead letter with its raw bytes (so nothing read is lost and no
 * record blocks its partition). Two batches are in flight at most, so one is decoded while the other is written.
 * A batch is acknowledged (its offsets become committable) only after the database committed all of it, so a crash
 * replays it; the replay adds nothing twice.
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
    private final Counter callsStored;
    private final Counter callsDuplicate;
    private final Counter callsPastRetention;
    /** The previous batch's entries: the next batch appends after them. Touched only by the channel's calls. */
    private CompletableFuture<Integer> entriesTail = CompletableFuture.completedFuture(0);
    /** The previous batch, written or not. */
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    AuditEventConsumer(AuditEventStore store, AuditConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.stored = metrics.counter("keygate.audit.events.stored");
        this.duplicates = metrics.counter("keygate.audit.events.duplicate");
        this.callsStored = metrics.counter("keygate.audit.calls.stored");
        this.callsDuplicate = metrics.counter("keygate.audit.calls.duplicate");
        this.callsPastRetention = metrics.counter("keygate.audit.calls.past.retention");
    }

    @Incoming("audit-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> store(KafkaRecordBatch<byte[], byte[]> batch) {
        List<AuditEvent> entries = new ArrayList<>(batch.getRecords().size());
        List<CallRecordRow> calls = new ArrayList<>(batch.getRecords().size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (KafkaRecord<byte[], byte[]> record : batch) {
            ReadRecord read = reader.read(raw(record));
            if (read instanceof ReadRecord.Entry entry) {
                entries.add(entry.event());
            } else if (read instanceof ReadRecord.Call call) {
                calls.add(call.call());
            } else if (read instanceof ReadRecord.Dead dead) {
                deadLetters.add(dead.letter());
            }
        }
        // Call records and dead letters of this batch are written while the previous batch's still are; audit
        // entries are appended one batch after the other, so each chain follows its partitions' order.
        CompletableFuture<WriteResult> callsWritten =
                retried(store.writeCalls(calls, deadLetters)).subscribeAsCompletionStage();
        CompletableFuture<Integer> entriesAppended = entriesTail.thenCompose(
                ignored -> retried(store.appendEntries(entries)).subscribeAsCompletionStage());
        entriesTail = entriesAppended;
        CompletableFuture<Void> done = callsWritten
                .thenCombine(entriesAppended, (result, appended) -> {
                    count(result, appended, entries.size(), deadLetters);
                    return result;
                })
                .handle((result, failure) -> failure)
                .thenCompose(failure -> {
                    if (failure != null) {
                        LOG.errorf(
                                failure,
                                "Could not store a batch of %d records; the channel stops and the batch will be replayed",
                                batch.getRecords().size());
                        return batch.nack(failure).toCompletableFuture();
                    }
                    // Offsets are committed only up to the oldest batch not yet acknowledged (throttled strategy),
                    // so acknowledging out of order never commits past a batch still being written.
                    return batch.ack().toCompletableFuture();
                });
        // At most two batches in flight: the next poll's batch is delivered once the one before this is stored.
        CompletableFuture<Void> before = inFlight;
        inFlight = done;
        return Uni.createFrom().completionStage(before);
    }

    private <T> Uni<T> retried(Uni<T> write) {
        Duration backoff = config.audit().writeBackoff();
        return write.onFailure()
                .retry()
                .withBackOff(backoff, backoff.multipliedBy(10))
                .atMost(config.audit().writeAttempts());
    }

    private void count(WriteResult result, int appended, int entries, List<DeadLetter> deadLetters) {
        stored.increment(appended);
        duplicates.increment(entries - appended);
        callsStored.increment(result.callsStored());
        callsDuplicate.increment(result.callsDuplicate());
        callsPastRetention.increment(result.callsPastRetention());
        for (DeadLetter letter : deadLetters) {
            // Never the payload: it may be anything, including a secret someone published by mistake.
            LOG.warnf(
                    "Kept unreadable record %s-%d offset %d as a dead letter: %s",
                    letter.topic(), letter.partition(), letter.offset(), letter.reason());
            metrics.counter("keygate.audit.records.unreadable", "topic", letter.topic())
                    .increment();
        }
    }

    private static RawRecord raw(KafkaRecord<byte[], byte[]> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        Instant timestamp = record.getTimestamp();
        return new RawRecord(
                record.getTopic(),
                record.getPartition(),
                offset,
                timestamp,
                record.getHeaders(),
                record.getKey(),
                record.getPayload());
    }
}
