package io.keygate.analytics.live;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.consumed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCountersTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:30.400Z");

    @Test
    void callsAreCountedPerTenantAndSecondOverTheHorizonWithZerosBetween() {
        LiveCounters live = new LiveCounters(Duration.ofSeconds(10));
        live.add(
                consumed(List.of(
                        call("acme", "k1", NOW.minusSeconds(2), 200, 10, 20),
                        call("acme", "k2", NOW.minusSeconds(2), 500, 1, 2),
                        call("acme", "k1", NOW, 200, 3, 4),
                        call("other", "k3", NOW, 200, 3, 4),
                        call("acme", "k1", NOW.minusSeconds(60), 200, 3, 4))),
                NOW);

        List<SecondCounters> seconds = live.lastSeconds("acme", NOW);

        assertThat(seconds).hasSize(10);
        assertThat(seconds.get(9)).isEqualTo(new SecondCounters(Instant.parse("2026-11-29T10:00:30Z"), 1, 0, 3, 4));
        assertThat(seconds.get(7)).isEqualTo(new SecondCounters(Instant.parse("2026-11-29T10:00:28Z"), 2, 1, 11, 22));
        assertThat(seconds.stream().mapToLong(SecondCounters::calls).sum()).isEqualTo(3);
        assertThat(live.lastSeconds("nobody", NOW)).allMatch(s -> s.calls() == 0);
    }
}
