package io.keygate.analytics.rollup.store;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.analytics.Counts;
import io.keygate.analytics.rollup.IngestionLag;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * While counting is behind (it counts calls received long ago), a background round of compaction takes only its
 * budget, and the next goes on after the last one's key; once counting has caught up, a round takes everything.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class CompactionBudgetQuarkusTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Inject
    RollupCompactor compactor;

    @Inject
    IngestionLag lag;

    @Inject
    Pool pool;

    private final String tenant = uniqueTenant();

    @Test
    void roundsYieldToCountingWhileItIsBehindAndTakeEverythingOnceItCaughtUp() {
        Instant received = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                producer.send(envelope(call(tenant, uniqueKey(), received.plusSeconds(i), 200, 10, 100)));
            }
        }
        await().atMost(PROPAGATION)
                .until(() -> count("SELECT count(*) AS n FROM call_rollup_pending WHERE tenant_id = $1") == 3);
        Instant now = Instant.now();
        assertThat(lag.isBehind(now, Duration.ofMinutes(2), Duration.ofSeconds(10)))
                .isTrue();
        long closed = closedKeyMinutes(now);
        assertThat(closed).isGreaterThanOrEqualTo(3);

        // No budget while behind: one pass of one key-minute per round, each round after the last one's key.
        assertThat(compactor.compactRound(now, 1, 0).await().atMost(PROPAGATION))
                .isPositive();
        assertThat(closedKeyMinutes(now)).isEqualTo(closed - 1);
        // A pending row of a tenant sorting before every other: a round starting from the index's start would take it.
        String early = "0-" + uniqueTenant();
        pool.preparedQuery("INSERT INTO call_rollup_pending (tenant_id, application_id, bucket, key_id, route_id,"
                        + " status_class, calls, bytes_in, bytes_out, duration_sum_micros, max_micros, latency)"
                        + " SELECT $2, application_id, bucket, key_id, route_id, status_class, calls, bytes_in,"
                        + " bytes_out, duration_sum_micros, max_micros, latency FROM call_rollup_pending"
                        + " WHERE tenant_id = $1 LIMIT 1")
                .execute(Tuple.of(tenant, early))
                .await()
                .atMost(PROPAGATION);
        assertThat(compactor.compactRound(now, 1, 0).await().atMost(PROPAGATION))
                .isPositive();
        assertThat(closedKeyMinutes(now)).isEqualTo(closed - 1);
        assertThat(pendingRowsOf(early)).isEqualTo(1);

        // An hour on, nothing has been counted for longer than ten flush intervals: not behind, the round takes
        // everything.
        compactor.compactRound(now.plus(Duration.ofHours(1)), 1, 0).await().atMost(PROPAGATION);
        assertThat(closedKeyMinutes(now)).isZero();
        assertThat(count("SELECT count(*) AS n FROM call_rollup_pending WHERE tenant_id = $1"))
                .isZero();
        assertThat(pendingRowsOf(early)).isZero();
        assertThat(
                        count(
                                "SELECT coalesce(sum(calls), 0) AS n FROM call_rollup WHERE tenant_id = $1 AND granularity = 'minute'"))
                .isEqualTo(3);
        assertThat(
                        count(
                                "SELECT coalesce(sum(calls), 0) AS n FROM call_rollup WHERE tenant_id = $1 AND granularity = 'day'"))
                .isEqualTo(3);
    }

    /** Minutes of API keys (of every tenant) with pending rows, closed as a round at {@code now} sees them. */
    private long closedKeyMinutes(Instant now) {
        return Counts.of(
                pool,
                "SELECT count(*) AS n FROM (SELECT DISTINCT tenant_id, key_id, bucket FROM call_rollup_pending"
                        + " WHERE bucket < $1) k",
                Tuple.of(now.minus(Duration.ofMinutes(2)).atOffset(ZoneOffset.UTC)));
    }

    private long pendingRowsOf(String tenantId) {
        return count("SELECT count(*) AS n FROM call_rollup_pending WHERE tenant_id = $1", tenantId);
    }

    private long count(String sql) {
        return count(sql, tenant);
    }

    private long count(String sql, String tenantId) {
        return Counts.of(pool, sql, Tuple.of(tenantId));
    }
}
