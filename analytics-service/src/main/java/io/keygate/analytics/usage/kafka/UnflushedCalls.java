package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.rollup.CallWindow;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertRaised;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Poll batches taken in but not yet written: their calls with their offsets, the offset after each partition's last
 * record, the alerts they raised, and the batches themselves, to be acknowledged once the window's transaction
 * committed (or nacked if it cannot be written).
 */
final class UnflushedCalls {

    private final List<BatchAck> batches = new ArrayList<>();
    private final List<ConsumedCall> calls = new ArrayList<>();
    private final Map<Integer, Long> nextOffsets = new HashMap<>();
    private final List<AlertRaised> alerts = new ArrayList<>();
    private String topic;
    private int records;
    private long openedAtNanos;

    void add(
            BatchAck batch,
            String batchTopic,
            int batchRecords,
            List<ConsumedCall> batchCalls,
            Map<Integer, Long> batchNextOffsets,
            List<AlertRaised> raised) {
        if (batches.isEmpty()) {
            openedAtNanos = System.nanoTime();
        }
        if (batchTopic != null) {
            if (topic != null && !topic.equals(batchTopic)) {
                // Watermarks are per topic and partition; one channel reads one topic.
                throw new IllegalStateException("One window read two topics: " + topic + ", " + batchTopic);
            }
            topic = batchTopic;
        }
        batches.add(batch);
        records += batchRecords;
        calls.addAll(batchCalls);
        batchNextOffsets.forEach((partition, next) -> nextOffsets.merge(partition, next, Math::max));
        alerts.addAll(raised);
    }

    boolean isEmpty() {
        return batches.isEmpty();
    }

    /** Records of the batches taken in, readable or not. */
    int records() {
        return records;
    }

    /** Calls with a tenant taken in. */
    int received() {
        return calls.size();
    }

    /** Whether the window has been open at least {@code intervalNanos}. */
    boolean isOlderThan(long intervalNanos) {
        return !batches.isEmpty() && System.nanoTime() - openedAtNanos >= intervalNanos;
    }

    /** What the window's transaction writes; {@code fallbackTopic} names the topic of a window of empty batches. */
    CallWindow window(String fallbackTopic) {
        return new CallWindow(topic == null ? fallbackTopic : topic, calls, nextOffsets, alerts);
    }

    List<BatchAck> batches() {
        return List.copyOf(batches);
    }
}
