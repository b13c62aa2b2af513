package io.keygate.analytics.rollup.store;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.analytics.rollup.CallWindow;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;

/**
 * During a rebalance two instances may read the same records of a partition and write their windows at the same
 * time: the partition's watermark row serialises them, so the calls are counted once, by whichever commits first.
 * The windows name a topic of their own, so the service's live consumer has nothing to do with them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RebalanceWindowsQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");

    @Inject
    RollupStore store;

    @Inject
    Pool pool;

    @RepeatedTest(3)
    void twoInstancesWritingTheSameRecordsAtOnceCountThemOnce() {
        String topic = "rebalance-" + UUID.randomUUID();
        String tenant = uniqueTenant();
        String key = uniqueKey();
        List<ConsumedCall> calls = new ArrayList<>();
        for (int offset = 0; offset < 400; offset++) {
            int partition = offset % 2;
            calls.add(new ConsumedCall(partition, offset / 2, call(tenant, key, AT.plusMillis(offset), 200, 3, 5)));
        }
        CallWindow window = new CallWindow(topic, calls, Map.of(0, 200L, 1, 200L), List.of());

        List<BatchCount> both = Uni.join()
                .all(store.count(window), store.count(window))
                .andFailFast()
                .await()
                .atMost(WAIT);

        assertThat(both).extracting(count -> count.freshCalls().size()).containsExactlyInAnyOrder(400, 0);
        assertThat(minuteCalls(tenant)).isEqualTo(400);
        assertThat(store.count(window).await().atMost(WAIT).freshCalls()).isEmpty();
        assertThat(minuteCalls(tenant)).isEqualTo(400);
    }

    private long minuteCalls(String tenant) {
        // Windows append to the pending rows (compaction is off in tests).
        return pool.preparedQuery("SELECT coalesce(sum(calls), 0)::bigint AS n FROM call_rollup_pending"
                        + " WHERE tenant_id = $1")
                .execute(Tuple.of(tenant))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong("n");
    }
}
