package io.keygate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.state.GatewayState;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.Testkit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster and hybrid limiters against a real Redis: two limiters stand for two gateways sharing the buckets.
 */
class RedisRateLimitersTest {

    private static final long LEASE_MICROS = 60_000_000;

    private static Vertx vertx;
    private static Context loop;
    private static Redis redis;
    private final GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry(), new GatewayState());
    private final String prefix = "test:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        loop = vertx.getOrCreateContext();
        redis = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(Testkit.redis().url()));
    }

    @AfterAll
    static void close() throws Exception {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private RateLimiter cluster(Redis client, RedisAvailability availability) {
        return new RedisRateLimiter(vertx, client, prefix, 1_000, new LocalRateLimiter(), availability, metrics);
    }

    private RateLimiter hybrid() {
        return new HybridRateLimiter(
                vertx,
                redis,
                prefix,
                1_000,
                LEASE_MICROS,
                new LocalRateLimiter(),
                new RedisAvailability(1_000_000),
                metrics);
    }

    /** Runs {@code call} on the event loop, as the proxy does, and waits for its decision. */
    private static LimitDecision onLoop(Supplier<Future<LimitDecision>> call) throws Exception {
        return Future.<LimitDecision>future(
                        promise -> loop.runOnContext(v -> call.get().onComplete(promise)))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static int admittedOf(List<RateLimiter> gateways, List<Limit> limits, int callsEach) throws Exception {
        int admitted = 0;
        for (int i = 0; i < callsEach; i++) {
            for (RateLimiter gateway : gateways) {
                if (onLoop(() -> gateway.admit(limits, RateLimiting.nowMicros()))
                        .admitted()) {
                    admitted++;
                }
            }
        }
        return admitted;
    }

    @Test
    void twoGatewaysInClusterModeTogetherAdmitExactlyTheLimit() throws Exception {
        RedisAvailability availability = new RedisAvailability(1_000_000);
        List<RateLimiter> gateways = List.of(cluster(redis, availability), cluster(redis, availability));
        // One token back every 72 s: none comes back while the test runs.
        Limit fiftyPerMinute = Limit.rate("key", "k:" + UUID.randomUUID(), 50, RateLimitPeriod.HOUR, 50);

        assertThat(admittedOf(gateways, List.of(fiftyPerMinute), 60)).isEqualTo(50);

        LimitDecision refused = onLoop(() -> gateways.get(0).admit(List.of(fiftyPerMinute), RateLimiting.nowMicros()));
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(fiftyPerMinute);
        assertThat(refused.retryAfterMicros()).isBetween(1L, 72_000_000L);
        assertThat(availability.unreachableSince()).isNull();
    }

    @Test
    void aClusterQuotaRefusalChargesNoOtherLimit() throws Exception {
        RedisAvailability availability = new RedisAvailability(1_000_000);
        List<RateLimiter> gateways = List.of(cluster(redis, availability), cluster(redis, availability));
        Limit rate = Limit.rate("key", "k:" + UUID.randomUUID(), 1000, RateLimitPeriod.MINUTE, 1000);
        Limit quota =
                Limit.quota("plan-quota", "pq:" + UUID.randomUUID(), 7, QuotaRefill.DAY, RateLimiting.nowMicros());

        assertThat(admittedOf(gateways, List.of(rate, quota), 10)).isEqualTo(7);
        LimitDecision next = onLoop(() -> gateways.get(1).admit(List.of(rate), RateLimiting.nowMicros()));
        assertThat(next.remaining()[0])
                .as("only the 7 admitted calls were charged")
                .isEqualTo(1000 - 8);
    }

    @Test
    void twoGatewaysInHybridModeNeverAdmitMoreThanTheLimit() throws Exception {
        List<RateLimiter> gateways = List.of(hybrid(), hybrid());
        // A bucket of 100, one token back every 6 s, 10 tokens per 60 s lease: each gateway asks Redis about once
        // per 10 calls.
        Limit hundredInABucket = Limit.rate("key", "k:" + UUID.randomUUID(), 600, RateLimitPeriod.HOUR, 100);
        assertThat(new HybridRateLimiter(vertx, redis, prefix, 1_000, LEASE_MICROS, null, null, metrics)
                        .batch(List.of(hundredInABucket)))
                .isEqualTo(10);

        long started = System.nanoTime();
        int admitted = admittedOf(gateways, List.of(hundredInABucket), 80);
        long refilled = (System.nanoTime() - started) / 6_000_000_000L;
        assertThat(admitted).isBetween(100, 100 + (int) refilled);
    }

    @Test
    void aDailyQuotaIsLeasedInBatchesAndALifetimeQuotaOneAtATime() {
        HybridRateLimiter limiter = new HybridRateLimiter(vertx, redis, prefix, 1_000, 100_000, null, null, metrics);
        long now = RateLimiting.nowMicros();
        Limit millionADay = Limit.quota("plan-quota", "q:" + UUID.randomUUID(), 1_000_000, QuotaRefill.DAY, now);
        Limit thousandForever = Limit.quota("plan-quota", "q:" + UUID.randomUUID(), 1_000, null, now);
        Limit tenPerSecond = Limit.rate("key", "k:" + UUID.randomUUID(), 10, RateLimitPeriod.SECOND, 10);

        // 1 % of the quota; a million a day refills about one token per 100 ms lease, which made every call a round
        // trip to Redis.
        assertThat(limiter.batch(List.of(millionADay))).isEqualTo(10_000);
        assertThat(limiter.batch(List.of(thousandForever))).isEqualTo(1);
        assertThat(limiter.batch(List.of(millionADay, tenPerSecond)))
                .as("the tightest limit")
                .isEqualTo(1);
    }

    @Test
    void aHybridQuotaLeaseOutlivesThePausesOfItsCallerSoTheWholeQuotaIsAdmitted() throws Exception {
        HybridRateLimiter gateway = new HybridRateLimiter(
                vertx,
                redis,
                prefix,
                1_000,
                100_000,
                new LocalRateLimiter(),
                new RedisAvailability(1_000_000),
                metrics);
        long start = RateLimiting.nowMicros();
        Limit thousandADay = Limit.quota("plan-quota", "q:" + UUID.randomUUID(), 1_000, QuotaRefill.DAY, start);

        // Bursts of 50 calls a second apart: a 100 ms lease that expired between bursts lost its leftovers.
        int admitted = 0;
        for (int burst = 0; burst < 40; burst++) {
            long at = start + burst * 1_000_000L;
            for (int call = 0; call < 50; call++) {
                if (onLoop(() -> gateway.admit(List.of(thousandADay), at)).admitted()) {
                    admitted++;
                }
            }
        }

        assertThat(admitted).isEqualTo(1_000);
    }

    @Test
    void hybridGatewaysLeaseWhatTheyAreAskedForNotAWholeBatchEach() throws Exception {
        List<RateLimiter> gateways = List.of(hybrid(), hybrid(), hybrid());
        // Batches of at most 10 (one token back every 6 s, 60 s leases): three gateways holding a batch each would
        // take 30 of the 100 tokens for 3 calls, and leave them to expire unspent if the calls stop.
        Limit hundredInABucket = Limit.rate("key", "k:" + UUID.randomUUID(), 600, RateLimitPeriod.HOUR, 100);

        assertThat(admittedOf(gateways, List.of(hundredInABucket), 1)).isEqualTo(3);

        LimitDecision exact = onLoop(() -> cluster(redis, new RedisAvailability(1_000_000))
                .admit(List.of(hundredInABucket), RateLimiting.nowMicros()));
        assertThat(exact.remaining()[0])
                .as("the three gateways took one token each, the exact count one more")
                .isEqualTo(100 - 4);
    }

    @Test
    void anUnreachableRedisLeavesCallsDecidedLocallyAndSaysSo() throws Exception {
        Redis dead = Redis.createClient(
                vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:" + FreePorts.next()));
        RedisAvailability availability = new RedisAvailability(60_000_000);
        RateLimiter gateway = cluster(dead, availability);
        Limit twoPerMinute = Limit.rate("key", "k:" + UUID.randomUUID(), 2, RateLimitPeriod.MINUTE, 2);

        assertThat(onLoop(() -> gateway.admit(List.of(twoPerMinute), RateLimiting.nowMicros()))
                        .admitted())
                .isTrue();
        assertThat(availability.unreachableSince()).isNotNull();
        assertThat(onLoop(() -> gateway.admit(List.of(twoPerMinute), RateLimiting.nowMicros()))
                        .admitted())
                .isTrue();
        assertThat(onLoop(() -> gateway.admit(List.of(twoPerMinute), RateLimiting.nowMicros()))
                        .admitted())
                .as("the local fallback still limits")
                .isFalse();
        dead.close();
    }
}
