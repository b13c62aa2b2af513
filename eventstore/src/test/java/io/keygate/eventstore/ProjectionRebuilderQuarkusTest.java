package io.keygate.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ProjectionRebuilderQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EventStore store;

    @Inject
    ProjectionRebuilder rebuilder;

    @Inject
    Pool pool;

    @Test
    void everyAggregateIsReplayedWholeAcrossFetchBatchesAndStaleRowsAreDropped() {
        pool.query("CREATE TABLE IF NOT EXISTS rebuild_probe (aggregate_id text PRIMARY KEY, events int, "
                        + "last_version bigint, first_version bigint)")
                .execute()
                .await()
                .atMost(WAIT);
        pool.query("INSERT INTO rebuild_probe VALUES ('stale', 1, 1, 1) ON CONFLICT DO NOTHING")
                .execute()
                .await()
                .atMost(WAIT);
        // 7 events each: the 1000-row fetch batches end in the middle of an aggregate.
        Map<String, Integer> expected = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("probe_" + UUID.randomUUID());
        }
        Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndMerge(id ->
                        store.inTransaction(tx -> store.append(tx, ProbeProjection.AGGREGATE_TYPE, 0, history(id, 7))))
                .collect()
                .asList()
                .await()
                .atMost(WAIT);
        ids.forEach(id -> expected.put(id, 7));

        RebuildReport report = rebuilder.rebuildAll().await().atMost(WAIT);

        Map<String, Integer> rebuilt = new HashMap<>();
        for (Row row :
                pool.query("SELECT * FROM rebuild_probe").execute().await().atMost(WAIT)) {
            assertThat(row.getLong("first_version")).isEqualTo(1);
            assertThat(row.getLong("last_version"))
                    .isEqualTo(row.getInteger("events").longValue());
            rebuilt.put(row.getString("aggregate_id"), row.getInteger("events"));
        }
        assertThat(rebuilt).containsAllEntriesOf(expected).doesNotContainKey("stale");
        assertThat(report.aggregates().get("rebuild_probe")).isEqualTo(rebuilt.size());
        assertThat(report.events().get("rebuild_probe"))
                .isEqualTo(rebuilt.values().stream().mapToLong(n -> n).sum());
    }

    private static List<EventEnvelope<KeygateEvent>> history(String id, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<EventEnvelope<KeygateEvent>> events = new ArrayList<>();
        ApiKeyState active = new ApiKeyState(
                id,
                "acme",
                "probe",
                "kg_test_AbCd…wXyZ",
                "hash-" + id,
                List.of(),
                ApiKeyStatus.ACTIVE,
                now,
                null,
                null,
                null);
        events.add(EventEnvelope.create("/eventstore-test", 1, now, "corr", null, new ApiKeyIssued(active)));
        for (int sequence = 2; sequence <= count; sequence++) {
            events.add(EventEnvelope.create(
                    "/eventstore-test", sequence, now, "corr", null, new ApiKeyRevoked(active, "probe " + sequence)));
        }
        return events;
    }
}
