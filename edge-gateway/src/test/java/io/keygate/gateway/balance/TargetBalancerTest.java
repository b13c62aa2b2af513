package io.keygate.gateway.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetBalancerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final PassiveHealthPolicy POLICY =
            new PassiveHealthPolicy(3, Duration.ofSeconds(10), Set.of(502, 503, 504));

    private long now = 1_000 * SECOND;

    private static List<Integer> picks(TargetBalancer balancer, int count, long now) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(balancer.pick(now, 0, POLICY));
        }
        return picked;
    }

    private void eject(TargetBalancer balancer, int target) {
        for (int i = 0; i < POLICY.failureThreshold(); i++) {
            balancer.failed(target, now, POLICY);
        }
        assertThat(balancer.isHealthy(target)).isFalse();
    }

    @Test
    void weightsThreeToOneInterleaveAsNginxDoes() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(3, 1));

        assertThat(picks(balancer, 8, now)).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
    }

    @Test
    void everyCycleHonoursTheWeightsExactly() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(5, 1, 3));

        for (int cycle = 0; cycle < 3; cycle++) {
            List<Integer> picked = picks(balancer, 9, now);
            assertThat(Collections.frequency(picked, 0)).isEqualTo(5);
            assertThat(Collections.frequency(picked, 1)).isEqualTo(1);
            assertThat(Collections.frequency(picked, 2)).isEqualTo(3);
        }
    }

    @Test
    void smoothCycleNeverBunchesTheHeavyTarget() {
        assertThat(TargetBalancer.smoothCycle(new int[] {5, 1, 1})).containsExactly(0, 0, 1, 0, 2, 0, 0);
        // Common factors do not lengthen the cycle.
        assertThat(TargetBalancer.smoothCycle(new int[] {300, 100})).containsExactly(0, 0, 1, 0);
    }

    @Test
    void aTargetIsEjectedAfterTheConfiguredFailuresInARowOnly() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1));

        assertThat(balancer.failed(0, now, POLICY)).isEqualTo(HealthChange.NONE);
        assertThat(balancer.failed(0, now, POLICY)).isEqualTo(HealthChange.NONE);
        balancer.succeeded(0);
        assertThat(balancer.failed(0, now, POLICY)).isEqualTo(HealthChange.NONE);
        assertThat(balancer.failed(0, now, POLICY)).isEqualTo(HealthChange.NONE);
        assertThat(balancer.isHealthy(0)).isTrue();

        assertThat(balancer.failed(0, now, POLICY)).isEqualTo(HealthChange.EJECTED);
        assertThat(balancer.isHealthy(0)).isFalse();
    }

    @Test
    void anEjectedTargetGetsNoTrafficDuringItsCooldown() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(3, 1));
        eject(balancer, 0);

        assertThat(picks(balancer, 40, now + 9 * SECOND)).containsOnly(1);
    }

    @Test
    void afterTheCooldownOneTrialRequestGoesToTheEjectedTarget() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1));
        eject(balancer, 0);
        long afterCooldown = now + 10 * SECOND;

        List<Integer> picked = picks(balancer, 20, afterCooldown);

        assertThat(Collections.frequency(picked, 0)).isEqualTo(1);
    }

    @Test
    void aSuccessfulTrialReturnsTheTargetToTheRotation() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1));
        eject(balancer, 0);
        long afterCooldown = now + 10 * SECOND;
        assertThat(picks(balancer, 2, afterCooldown)).contains(0);

        assertThat(balancer.succeeded(0)).isEqualTo(HealthChange.RETURNED);

        assertThat(balancer.isHealthy(0)).isTrue();
        assertThat(picks(balancer, 4, afterCooldown)).containsExactlyInAnyOrder(0, 0, 1, 1);
    }

    @Test
    void aFailedTrialEjectsTheTargetForAnotherCooldown() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1));
        eject(balancer, 0);
        long afterCooldown = now + 10 * SECOND;
        assertThat(picks(balancer, 2, afterCooldown)).contains(0);

        assertThat(balancer.failed(0, afterCooldown, POLICY)).isEqualTo(HealthChange.EJECTED);

        assertThat(picks(balancer, 20, afterCooldown + 9 * SECOND)).containsOnly(1);
        assertThat(picks(balancer, 20, afterCooldown + 10 * SECOND)).contains(0);
    }

    @Test
    void aTrialThatNeverReportedBackCanBeClaimedAgainOneCooldownLater() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1));
        eject(balancer, 0);
        long trial = now + 10 * SECOND;
        assertThat(picks(balancer, 2, trial)).contains(0);

        assertThat(picks(balancer, 20, trial + 5 * SECOND)).containsOnly(1);
        assertThat(picks(balancer, 20, trial + 10 * SECOND)).contains(0);
    }

    @Test
    void whenEveryTargetIsEjectedTheLeastRecentlyEjectedIsTried() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1, 1));
        eject(balancer, 1);
        now += SECOND;
        eject(balancer, 0);
        now += SECOND;
        eject(balancer, 2);

        assertThat(picks(balancer, 10, now)).containsOnly(1);
    }

    @Test
    void aRetryGoesToATargetNotTriedYet() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(100, 1));

        for (int i = 0; i < 20; i++) {
            assertThat(balancer.pick(now, 1L, POLICY)).isEqualTo(1);
            assertThat(balancer.pick(now, 2L, POLICY)).isEqualTo(0);
        }
    }

    @Test
    void aRetryAfterEveryTargetWasTriedGoesToAHealthyOne() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(1, 1));
        eject(balancer, 0);

        assertThat(balancer.pick(now, 0b11, POLICY)).isEqualTo(1);
    }

    @Test
    void aSingleTargetIsAlwaysPicked() {
        TargetBalancer balancer = TargetBalancer.weighted(List.of(7));
        eject(balancer, 0);

        assertThat(picks(balancer, 3, now)).containsOnly(0);
    }

    @Test
    void onlyTheConfiguredStatusesCountAsFailures() {
        assertThat(POLICY.isFailureStatus(503)).isTrue();
        assertThat(POLICY.isFailureStatus(500)).isFalse();
        assertThat(POLICY.isFailureStatus(200)).isFalse();
        assertThat(POLICY.isFailureStatus(999)).isFalse();
        assertThatThrownBy(() -> new PassiveHealthPolicy(3, Duration.ofSeconds(1), Set.of(700)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unusableWeightsAreRefused() {
        assertThatThrownBy(() -> TargetBalancer.weighted(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetBalancer.weighted(List.of(1, 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
