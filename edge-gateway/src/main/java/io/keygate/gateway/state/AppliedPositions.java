package io.keygate.gateway.state;

import io.keygate.events.gateway.AppliedPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The position the state consumer reached on each partition and when it first reached it: the bookkeeping behind
 * the gateway's revocation watermark. A position's time is kept while the position does not move, so it says when
 * the last record before it was applied, not when it was last looked at. Written by the consumer thread; read as an
 * immutable snapshot by the watermark publisher.
 */
public final class AppliedPositions {

    private volatile Map<TopicPartition, AppliedPosition> current = Map.of();

    /** Records the consumer's positions at {@code now}; only moved positions get the new time. */
    public void update(Map<TopicPartition, Long> positions, Instant now) {
        Map<TopicPartition, AppliedPosition> previous = current;
        Map<TopicPartition, AppliedPosition> next = null;
        for (Map.Entry<TopicPartition, Long> entry : positions.entrySet()) {
            AppliedPosition known = previous.get(entry.getKey());
            if (known == null || known.position() != entry.getValue()) {
                if (next == null) {
                    next = new HashMap<>(previous);
                }
                TopicPartition partition = entry.getKey();
                next.put(
                        partition,
                        new AppliedPosition(partition.topic(), partition.partition(), entry.getValue(), now));
            }
        }
        if (next != null) {
            current = Map.copyOf(next);
        }
    }

    /** The positions on {@code topic}'s partitions, by partition number. */
    public List<AppliedPosition> of(String topic) {
        List<AppliedPosition> positions = new ArrayList<>();
        for (AppliedPosition position : current.values()) {
            if (position.topic().equals(topic)) {
                positions.add(position);
            }
        }
        positions.sort(Comparator.comparingInt(AppliedPosition::partition));
        return positions;
    }
}
