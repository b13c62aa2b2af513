package io.keygate.analytics.rollup;

import static io.keygate.analytics.usage.SampleCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.call.CallRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallWindowTest {

    private static final Instant M0 = Instant.parse("2026-11-29T10:00:00Z");

    private final CallRecorded a = call("acme", "k1", M0, 200, 1, 1);
    private final CallRecorded b = call("acme", "k1", M0, 200, 2, 2);
    private final CallRecorded c = call("acme", "k2", M0, 200, 3, 3);
    private final ConsumedCall atA = new ConsumedCall(0, 10, a);
    private final ConsumedCall atB = new ConsumedCall(0, 11, b);
    private final ConsumedCall atC = new ConsumedCall(1, 5, c);
    private final CallWindow window =
            new CallWindow("keygate.calls", List.of(atA, atB, atC), Map.of(0, 12L, 1, 6L), List.of());

    @Test
    void callsAtOrAboveTheirPartitionsWatermarkAreCounted() {
        assertThat(window.notCountedBefore(Map.of(0, 11L, 1, 5L))).containsExactly(atB, atC);
    }

    @Test
    void aPartitionWithoutAWatermarkCountsFromTheStart() {
        assertThat(window.notCountedBefore(Map.of())).containsExactly(atA, atB, atC);
    }

    @Test
    void aReplayedWindowCountsNothing() {
        assertThat(window.notCountedBefore(window.nextOffsets())).isEmpty();
    }

    @Test
    void aWindowOfOnlyUnreadableRecordsStillMovesItsWatermarks() {
        CallWindow unreadable = new CallWindow("keygate.calls", List.of(), Map.of(2, 40L), List.of());

        assertThat(unreadable.isEmpty()).isFalse();
        assertThat(new CallWindow("keygate.calls", List.of(), Map.of(), List.of()).isEmpty())
                .isTrue();
    }
}
