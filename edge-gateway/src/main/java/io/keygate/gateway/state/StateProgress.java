package io.keygate.gateway.state;

import java.util.Map;

/**
 * An immutable snapshot of how far the state consumer got, published after every poll.
 *
 * @param phase             where the consumer is
 * @param endOffsetsAtStart end offset of each partition ({@code topic-partition}) when the consumer started:
 *                          the gateway is ready once every position reached it
 * @param positions         next offset to read per partition: everything before it is applied
 * @param lag               records not applied yet, summed over the partitions
 */
public record StateProgress(
        ConsumerPhase phase, Map<String, Long> endOffsetsAtStart, Map<String, Long> positions, long lag) {

    public StateProgress {
        endOffsetsAtStart = Map.copyOf(endOffsetsAtStart);
        positions = Map.copyOf(positions);
    }

    /** Before the consumer has assigned its partitions. */
    public static StateProgress starting() {
        return new StateProgress(ConsumerPhase.STARTING, Map.of(), Map.of(), 0);
    }

    /** Whether requests may be served: caught up once and still following the topics. */
    public boolean isReady() {
        return phase == ConsumerPhase.LIVE;
    }

    /** The same progress in another phase. */
    public StateProgress inPhase(ConsumerPhase next) {
        return new StateProgress(next, endOffsetsAtStart, positions, lag);
    }

    /** Whether every partition's position reached its end offset at start. */
    public static boolean reachedEnd(Map<String, Long> endOffsetsAtStart, Map<String, Long> positions) {
        for (Map.Entry<String, Long> end : endOffsetsAtStart.entrySet()) {
            Long position = positions.get(end.getKey());
            if (position == null || position < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
