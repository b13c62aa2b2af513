package io.keygate.token.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.gateway.AppliedPosition;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayWatermarksTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final String TOKENS = "keygate.tokens";
    private static final Duration LIVENESS = Duration.ofSeconds(10);

    private final GatewayWatermarks watermarks = new GatewayWatermarks(100, Duration.ofDays(1));

    @Test
    void aGatewayEnforcesARevocationSinceItsPositionFirstPassedTheOffset() {
        watermarks.record(watermark("gw-1", T0, position(0, 10, T0)));
        watermarks.record(watermark("gw-1", T0.plusSeconds(1), position(0, 12, T0.plusMillis(700))));
        watermarks.record(watermark("gw-1", T0.plusSeconds(2), position(0, 15, T0.plusMillis(1700))));

        assertThat(enforcementAt(11, T0.plusSeconds(3)))
                .containsExactly(new GatewayEnforcement("gw-1", T0.plusSeconds(2), 15, true, T0.plusMillis(700)));
    }

    @Test
    void aGatewayWhosePositionIsAtTheOffsetDoesNotEnforceItYet() {
        watermarks.record(watermark("gw-1", T0, position(0, 11, T0)));

        assertThat(enforcementAt(11, T0.plusSeconds(1)))
                .containsExactly(new GatewayEnforcement("gw-1", T0, 11, false, null));
    }

    @Test
    void onlyTheRevocationsPartitionCounts() {
        watermarks.record(watermark("gw-1", T0, position(0, 3, T0), position(1, 500, T0)));

        assertThat(enforcementAt(11, T0))
                .extracting(GatewayEnforcement::enforced)
                .containsExactly(false);
    }

    @Test
    void gatewaysWhoseLatestWatermarkIsOlderThanTheLivenessAreLeftOut() {
        watermarks.record(watermark("gw-live", T0.plusSeconds(20), position(0, 50, T0)));
        watermarks.record(watermark("gw-gone", T0, position(0, 50, T0)));

        assertThat(enforcementAt(11, T0.plusSeconds(25)))
                .extracting(GatewayEnforcement::gatewayId)
                .containsExactly("gw-live");
    }

    @Test
    void aRestartedGatewayReadingFromTheStartEnforcesAgainOnlyOnceItPassesTheOffsetAgain() {
        watermarks.record(watermark("gw-1", T0, position(0, 20, T0)));
        watermarks.record(watermark("gw-1", T0.plusSeconds(30), position(0, 4, T0.plusSeconds(30))));

        assertThat(enforcementAt(11, T0.plusSeconds(31)))
                .extracting(GatewayEnforcement::enforced)
                .containsExactly(false);

        watermarks.record(watermark("gw-1", T0.plusSeconds(31), position(0, 20, T0.plusSeconds(31))));

        assertThat(enforcementAt(11, T0.plusSeconds(32)))
                .extracting(GatewayEnforcement::enforcedSince)
                .containsExactly(T0.plusSeconds(31));
    }

    @Test
    void anOlderWatermarkArrivingLateChangesNothing() {
        watermarks.record(watermark("gw-1", T0.plusSeconds(5), position(0, 20, T0.plusSeconds(4))));
        watermarks.record(watermark("gw-1", T0, position(0, 5, T0)));

        assertThat(enforcementAt(11, T0.plusSeconds(6)))
                .containsExactly(new GatewayEnforcement("gw-1", T0.plusSeconds(5), 20, true, T0.plusSeconds(4)));
    }

    @Test
    void pastTheKeptHistoryTheEarliestKeptTimeIsTheAnswer() {
        GatewayWatermarks shortMemory = new GatewayWatermarks(2, Duration.ofDays(1));
        for (int i = 1; i <= 4; i++) {
            shortMemory.record(watermark("gw-1", T0.plusSeconds(i), position(0, 10L * i, T0.plusSeconds(i))));
        }

        assertThat(shortMemory.enforcementOf(TOKENS, 0, 5, T0.plusSeconds(5), LIVENESS))
                .extracting(GatewayEnforcement::enforcedSince)
                .containsExactly(T0.plusSeconds(3));
    }

    @Test
    void aGatewaySilentForLongerThanTheForgetTimeIsDropped() {
        GatewayWatermarks forgetful = new GatewayWatermarks(10, Duration.ofMinutes(1));
        forgetful.record(watermark("gw-old", T0, position(0, 1, T0)));
        forgetful.record(watermark("gw-new", T0.plusSeconds(61), position(0, 1, T0)));

        assertThat(forgetful.enforcementOf(TOKENS, 0, 0, T0.plusSeconds(61), Duration.ofHours(1)))
                .extracting(GatewayEnforcement::gatewayId)
                .containsExactly("gw-new");
    }

    private List<GatewayEnforcement> enforcementAt(long offset, Instant now) {
        return watermarks.enforcementOf(TOKENS, 0, offset, now, LIVENESS);
    }

    private static GatewayWatermarkPublished watermark(String id, Instant at, AppliedPosition... positions) {
        return new GatewayWatermarkPublished(id, at, List.of(positions));
    }

    private static AppliedPosition position(int partition, long position, Instant appliedAt) {
        return new AppliedPosition(TOKENS, partition, position, appliedAt);
    }
}
