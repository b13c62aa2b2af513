package io.keygate.token.revocation;

import io.keygate.events.gateway.AppliedPosition;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateways' revocation watermarks, in memory: per gateway, the time of its latest watermark and, per partition,
 * the positions it reported in increasing order with the time each was first applied, so the time a position passed
 * a given offset can be looked up. Positions that did not move are not kept twice; a position lower than the last
 * (the gateway restarted and reads the topic again) starts the partition's history over, since the gateway no longer
 * holds what it had applied. Each history keeps at most {@code historyPerPartition} entries, dropping the oldest;
 * gateways silent for longer than {@code forgetAfter} are dropped.
 *
 * <p>Written by the watermark consumer, read by REST requests: each gateway's entry is guarded by its own lock,
 * held only for in-memory work.
 */
public final class GatewayWatermarks {

    private final int historyPerPartition;
    private final Duration forgetAfter;
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

    public GatewayWatermarks(int historyPerPartition, Duration forgetAfter) {
        if (historyPerPartition < 1) {
            throw new IllegalArgumentException("historyPerPartition must be at least 1");
        }
        this.historyPerPartition = historyPerPartition;
        this.forgetAfter = forgetAfter;
    }

    /** Records a watermark; one older than the gateway's latest (a replay, a reordering) changes nothing. */
    public void record(GatewayWatermarkPublished watermark) {
        gateways.computeIfAbsent(watermark.gatewayId(), id -> new Gateway()).record(watermark, historyPerPartition);
        Instant horizon = watermark.publishedAt().minus(forgetAfter);
        gateways.entrySet().removeIf(entry -> entry.getValue().lastPublishedAt().isBefore(horizon));
    }

    /**
     * For each gateway whose latest watermark is no older than {@code liveness} at {@code now}, whether it applied
     * the record at {@code offset} of {@code topic}'s {@code partition}, and since when. Sorted by gateway id.
     */
    public List<GatewayEnforcement> enforcementOf(
            String topic, int partition, long offset, Instant now, Duration liveness) {
        Instant liveSince = now.minus(liveness);
        List<GatewayEnforcement> result = new ArrayList<>();
        gateways.forEach((id, gateway) -> {
            GatewayEnforcement enforcement = gateway.enforcementOf(id, topic, partition, offset);
            if (!enforcement.lastWatermarkAt().isBefore(liveSince)) {
                result.add(enforcement);
            }
        });
        result.sort(Comparator.comparing(GatewayEnforcement::gatewayId));
        return result;
    }

    /** One gateway's watermarks. */
    private static final class Gateway {
        private Instant lastPublishedAt = Instant.MIN;
        private final Map<String, Deque<AppliedPosition>> histories = new HashMap<>();

        synchronized Instant lastPublishedAt() {
            return lastPublishedAt;
        }

        synchronized void record(GatewayWatermarkPublished watermark, int limit) {
            if (!watermark.publishedAt().isAfter(lastPublishedAt)) {
                return;
            }
            lastPublishedAt = watermark.publishedAt();
            for (AppliedPosition position : watermark.positions()) {
                Deque<AppliedPosition> history =
                        histories.computeIfAbsent(key(position.topic(), position.partition()), k -> new ArrayDeque<>());
                AppliedPosition last = history.peekLast();
                if (last != null && position.position() < last.position()) {
                    history.clear();
                } else if (last != null && position.position() == last.position()) {
                    continue;
                }
                history.addLast(position);
                if (history.size() > limit) {
                    history.removeFirst();
                }
            }
        }

        synchronized GatewayEnforcement enforcementOf(String id, String topic, int partition, long offset) {
            Deque<AppliedPosition> history = histories.get(key(topic, partition));
            if (history == null || history.isEmpty()) {
                return new GatewayEnforcement(id, lastPublishedAt, -1, false, null);
            }
            long latest = history.peekLast().position();
            for (AppliedPosition position : history) {
                if (position.covers(offset)) {
                    return new GatewayEnforcement(id, lastPublishedAt, latest, true, position.appliedAt());
                }
            }
            return new GatewayEnforcement(id, lastPublishedAt, latest, false, null);
        }

        private static String key(String topic, int partition) {
            return topic + "-" + partition;
        }
    }
}
