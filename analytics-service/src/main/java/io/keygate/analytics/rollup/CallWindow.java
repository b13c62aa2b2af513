package io.keygate.analytics.rollup;

import io.keygate.events.alert.AlertRaised;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records of many polls written in one transaction: the calls to count (with their offsets), the offset after
 * the last record read of each partition (unreadable records and calls without a tenant included, so the watermark
 * moves past them too), and the alerts the calls raised.
 *
 * <p>Idempotency is by offset: a partition's watermark (the next offset to count) is stored in the transaction that
 * counts its records, so a record below it was counted and is skipped, however it comes back (a replay after a
 * crash, or another instance reading the partition during a rebalance). That holds because the gateway's producer is
 * idempotent: a retried send never stores the same call at a second offset.
 *
 * @param topic       the topic the records were read from
 * @param calls       the calls with a tenant, in the order read
 * @param nextOffsets per partition read: the offset after the last record read
 * @param alerts      the alerts the calls raised
 */
public record CallWindow(
        String topic, List<ConsumedCall> calls, Map<Integer, Long> nextOffsets, List<AlertRaised> alerts) {

    public CallWindow {
        Objects.requireNonNull(topic, "topic");
        calls = List.copyOf(calls);
        nextOffsets = Map.copyOf(nextOffsets);
        alerts = List.copyOf(alerts);
    }

    /** Whether the window has nothing to write. */
    public boolean isEmpty() {
        return nextOffsets.isEmpty() && alerts.isEmpty();
    }

    /**
     * The calls not counted yet: those at or above their partition's watermark.
     *
     * @param watermarks per partition, the next offset to count (a partition without one counts from 0)
     */
    public List<ConsumedCall> notCountedBefore(Map<Integer, Long> watermarks) {
        List<ConsumedCall> fresh = new ArrayList<>(calls.size());
        for (ConsumedCall consumed : calls) {
            if (consumed.offset() >= watermarks.getOrDefault(consumed.partition(), 0L)) {
                fresh.add(consumed);
            }
        }
        return fresh;
    }
}
