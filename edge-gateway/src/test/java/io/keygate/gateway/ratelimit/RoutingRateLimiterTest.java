package io.keygate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Routing each limit to the limiter of its mode. Separate local limiters stand for the cluster and hybrid stores
 * here (RoutingRateLimitQuarkusTest runs the real Redis one), so each store's charges can be read apart.
 */
class RoutingRateLimiterTest {

    private static final long T0 = 1_780_000_000_000_000L;

    private final LocalRateLimiter local = new LocalRateLimiter();
    private final LocalRateLimiter clusterStore = new LocalRateLimiter();
    private final LocalRateLimiter hybridStore = new LocalRateLimiter();
    private final AtomicInteger clustersMade = new AtomicInteger();
    private final AtomicInteger hybridsMade = new AtomicInteger();

    private RoutingRateLimiter routing(RateLimitMode configured) {
        return new RoutingRateLimiter(
                configured,
                local,
                () -> {
                    clustersMade.incrementAndGet();
                    return clusterStore;
                },
                () -> {
                    hybridsMade.incrementAndGet();
                    return hybridStore;
                });
    }

    private static LimitDecision decided(RateLimiter limiter, List<Limit> limits) {
        return limiter.admit(limits, T0).result();
    }

    private static Limit rate(String bucket, long capacity) {
        return Limit.rate("key", bucket, capacity, RateLimitPeriod.HOUR, capacity);
    }

    @Test
    void limitsWithoutAModeAreCountedInTheConfiguredOneAndNoOtherLimiterIsMade() {
        RoutingRateLimiter limiter = routing(RateLimitMode.LOCAL);

        decided(limiter, List.of(rate("k:a", 5)));

        assertThat(local.size()).isEqualTo(1);
        assertThat(clustersMade).hasValue(0);
        assertThat(hybridsMade).hasValue(0);
    }

    @Test
    void aPlanLimitInClusterModeIsCountedInTheClusterStoreWhileTheKeysStaysLocal() {
        RoutingRateLimiter limiter = routing(RateLimitMode.LOCAL);
        Limit key = rate("k:b", 100);
        Limit plan = rate("p:b", 3).countedIn(RateLimitMode.CLUSTER);

        for (int i = 0; i < 3; i++) {
            assertThat(decided(limiter, List.of(key, plan)).admitted()).isTrue();
        }
        LimitDecision refused = decided(limiter, List.of(key, plan));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(plan);
        assertThat(clusterStore.size()).isEqualTo(1);
        assertThat(clustersMade).hasValue(1);
        // The refused call's local charge was given back: 3 of 100 spent, not 4.
        assertThat(local.decide(List.of(key), T0).remaining()[0]).isEqualTo(100 - 4);
    }

    @Test
    void theHeadersOfAnAdmittedCallListEveryLimitInTheCallsOrder() {
        RoutingRateLimiter limiter = routing(RateLimitMode.CLUSTER);
        Limit key = rate("k:c", 10);
        Limit planQuota =
                Limit.quota("plan-quota", "pq:c", 7, QuotaRefill.DAY, T0).countedIn(RateLimitMode.HYBRID);
        Limit plan = rate("p:c", 20).countedIn(RateLimitMode.LOCAL);

        LimitDecision admitted = decided(limiter, List.of(key, planQuota, plan));

        assertThat(admitted.admitted()).isTrue();
        assertThat(admitted.limits()).containsExactly(key, planQuota, plan);
        assertThat(admitted.remaining()).containsExactly(9, 6, 19);
        assertThat(clusterStore.size()).isEqualTo(1);
        assertThat(hybridStore.size()).isEqualTo(1);
        assertThat(local.size()).isEqualTo(1);
    }

    @Test
    void aRefusalStopsTheModesAfterItAndGivesBackTheChargesBeforeIt() {
        RoutingRateLimiter limiter = routing(RateLimitMode.CLUSTER);
        Limit key = rate("k:d", 10);
        Limit planLocal = rate("p:d", 100).countedIn(RateLimitMode.LOCAL);
        Limit planQuota =
                Limit.quota("plan-quota", "pq:d", 1, QuotaRefill.DAY, T0).countedIn(RateLimitMode.HYBRID);
        decided(limiter, List.of(key, planLocal, planQuota));

        LimitDecision refused = decided(limiter, List.of(key, planLocal, planQuota));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(planQuota);
        assertThat(refused.retryAfterMicros()).isPositive();
        // The cluster limit, asked after the refusing hybrid one, was not asked nor charged.
        assertThat(refused.limits()).containsExactly(planLocal, planQuota);
        assertThat(clusterStore.decide(List.of(key), T0).remaining()[0]).isEqualTo(10 - 2);
        assertThat(local.decide(List.of(planLocal), T0).remaining()[0]).isEqualTo(100 - 2);
    }

    @Test
    void aModeWhoseLimiterCannotBeMadeIsCountedLocallyRatherThanFailingTheCall() {
        RoutingRateLimiter limiter = new RoutingRateLimiter(
                RateLimitMode.LOCAL,
                local,
                () -> {
                    throw new IllegalArgumentException("not a Redis URL");
                },
                () -> hybridStore);
        Limit plan = rate("p:f", 1).countedIn(RateLimitMode.CLUSTER);

        assertThat(decided(limiter, List.of(plan)).admitted()).isTrue();
        assertThat(decided(limiter, List.of(plan)).admitted()).isFalse();
        assertThat(local.size()).isEqualTo(1);
    }

    @Test
    void aPlansModeReachesItsLimits() {
        assertThat(CallLimits.modeOf(PlanRateLimitMode.HYBRID)).isEqualTo(RateLimitMode.HYBRID);
        assertThat(CallLimits.modeOf(null)).isNull();
        assertThat(rate("k:e", 1).modeOr(RateLimitMode.HYBRID)).isEqualTo(RateLimitMode.HYBRID);
        assertThat(rate("k:e", 1).countedIn(RateLimitMode.LOCAL).modeOr(RateLimitMode.HYBRID))
                .isEqualTo(RateLimitMode.LOCAL);
    }
}
