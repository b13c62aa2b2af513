package io.keygate.analytics.usage.kafka;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Acknowledges a poll's batch through its last record of each partition, which is all the connector acknowledges
 * of a batch anyway. A window keeps these few records rather than the batch: a batch holds every record it was
 * polled with (raw value, headers), and holding a window's worth of them until the window is written made each young
 * collection copy them (measured: ~100 ms pauses, about a sixth of the service's time at full rate).
 */
final class BatchAck {

    private final List<Message<?>> lastRecords;

    private BatchAck(List<Message<?>> lastRecords) {
        this.lastRecords = lastRecords;
    }

    static BatchAck of(KafkaRecordBatch<?, ?> batch) {
        return new BatchAck(List.copyOf(batch.getLatestOffsetRecords().values()));
    }

    /** Marks the batch's records processed, so their offsets may be committed. */
    CompletionStage<Void> ack() {
        return all(lastRecords.stream().map(Message::ack).toList());
    }

    /** Reports the batch as not processed: the channel's failure strategy takes over. */
    CompletionStage<Void> nack(Throwable failure) {
        return all(lastRecords.stream().map(record -> record.nack(failure)).toList());
    }

    private static CompletionStage<Void> all(List<CompletionStage<Void>> stages) {
        return CompletableFuture.allOf(
                stages.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
    }
}
