package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StateProgressTest {

    @Test
    void theEndIsReachedWhenEveryPartitionIsAtOrPastItsEndOffsetAtStart() {
        Map<String, Long> end = Map.of("keygate.tokens-0", 10L, "keygate.policies-0", 3L);

        assertThat(StateProgress.reachedEnd(end, Map.of("keygate.tokens-0", 10L, "keygate.policies-0", 3L)))
                .isTrue();
        assertThat(StateProgress.reachedEnd(end, Map.of("keygate.tokens-0", 12L, "keygate.policies-0", 5L)))
                .isTrue();
        assertThat(StateProgress.reachedEnd(end, Map.of("keygate.tokens-0", 9L, "keygate.policies-0", 3L)))
                .isFalse();
        assertThat(StateProgress.reachedEnd(end, Map.of("keygate.tokens-0", 10L)))
                .as("a partition not read yet")
                .isFalse();
        assertThat(StateProgress.reachedEnd(Map.of(), Map.of()))
                .as("empty topics")
                .isTrue();
    }

    @Test
    void onlyALiveConsumerMakesTheStateReady() {
        for (ConsumerPhase phase : ConsumerPhase.values()) {
            assertThat(StateProgress.starting().inPhase(phase).isReady())
                    .as(phase.name())
                    .isEqualTo(phase == ConsumerPhase.LIVE);
        }
    }
}
