package io.keygate.analytics.usage.kafka;

import io.keygate.events.EventEnvelope;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.call.CallRecorded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Poll batches taken in but not yet written: their calls (one per event id: a duplicate within the window is dropped
 * here, one across windows by {@code processed_call}), the alerts they raised, and the batches themselves, to be
 * acknowledged once the window's transaction committed (or nacked if it cannot be written).
 */
final class UnflushedCalls {

    private final List<Message<?>> batches = new ArrayList<>();
    private final Map<UUID, EventEnvelope<CallRecorded>> calls = new LinkedHashMap<>();
    private final List<AlertRaised> alerts = new ArrayList<>();
    private int records;
    private int received;
    private long openedAtNanos;

    void add(
            Message<?> batch,
            int batchRecords,
            List<EventEnvelope<CallRecorded>> batchCalls,
            List<AlertRaised> raised) {
        if (batches.isEmpty()) {
            openedAtNanos = System.nanoTime();
        }
        batches.add(batch);
        records += batchRecords;
        received += batchCalls.size();
        batchCalls.forEach(call -> calls.putIfAbsent(call.id(), call));
        alerts.addAll(raised);
    }

    boolean isEmpty() {
        return batches.isEmpty();
    }

    /** Records of the batches taken in, readable or not. */
    int records() {
        return records;
    }

    /** Calls with a tenant taken in, duplicates included. */
    int received() {
        return received;
    }

    /** Whether the window has been open at least {@code intervalNanos}. */
    boolean isOlderThan(long intervalNanos) {
        return !batches.isEmpty() && System.nanoTime() - openedAtNanos >= intervalNanos;
    }

    List<EventEnvelope<CallRecorded>> calls() {
        return List.copyOf(calls.values());
    }

    List<AlertRaised> alerts() {
        return List.copyOf(alerts);
    }

    List<Message<?>> batches() {
        return List.copyOf(batches);
    }
}
