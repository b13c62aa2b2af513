package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.gateway.AppliedPosition;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AppliedPositionsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final TopicPartition TOKENS_0 = new TopicPartition("keygate.tokens", 0);
    private static final TopicPartition TOKENS_1 = new TopicPartition("keygate.tokens", 1);
    private static final TopicPartition POLICIES_0 = new TopicPartition("keygate.policies", 0);

    private final AppliedPositions positions = new AppliedPositions();

    @Test
    void aPositionKeepsTheTimeItWasFirstReachedUntilItMoves() {
        positions.update(Map.of(TOKENS_0, 5L), T0);
        positions.update(Map.of(TOKENS_0, 5L), T0.plusSeconds(1));

        assertThat(positions.of("keygate.tokens")).containsExactly(new AppliedPosition("keygate.tokens", 0, 5, T0));

        positions.update(Map.of(TOKENS_0, 7L), T0.plusSeconds(2));

        assertThat(positions.of("keygate.tokens"))
                .containsExactly(new AppliedPosition("keygate.tokens", 0, 7, T0.plusSeconds(2)));
    }

    @Test
    void positionsAreGivenPerTopicInPartitionOrder() {
        positions.update(Map.of(TOKENS_1, 2L, POLICIES_0, 9L, TOKENS_0, 4L), T0);

        assertThat(positions.of("keygate.tokens"))
                .extracting(AppliedPosition::partition, AppliedPosition::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 4L), org.assertj.core.groups.Tuple.tuple(1, 2L));
        assertThat(positions.of("keygate.calls")).isEmpty();
    }

    @Test
    void theRecordBeforeThePositionIsCoveredButNotTheOneAtIt() {
        AppliedPosition position = new AppliedPosition("keygate.tokens", 0, 10, T0);

        assertThat(position.covers(9)).isTrue();
        assertThat(position.covers(10)).isFalse();
    }
}
