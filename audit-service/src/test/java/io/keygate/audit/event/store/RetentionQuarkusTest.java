package io.keygate.audit.event.store;

import static io.keygate.audit.event.SampleEvents.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.CallRecordRow;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retention periods: call records by whole day partitions, audit entries by chain prefix. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RetentionQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AuditEventStore store;

    @Inject
    RetentionJob retention;

    @Inject
    Pool pool;

    @Test
    void dayPartitionsOlderThanTheRetentionAreDroppedWholeAndOlderCallsAreNotStored() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> days = List.of(today.minusDays(40), today.minusDays(31), today.minusDays(29), today);
        store.partitions().ensure(days).await().atMost(WAIT);

        retention.run().await().atMost(WAIT);

        assertThat(store.partitions().days().await().atMost(WAIT))
                .doesNotContain(today.minusDays(40), today.minusDays(31))
                .contains(today.minusDays(29), today);
        WriteResult result = store.write(
                        List.of(),
                        List.of(call(Instant.now().minus(Duration.ofDays(35))), call(Instant.now())),
                        List.of())
                .await()
                .atMost(WAIT);
        assertThat(result.callsPastRetention()).isEqualTo(1);
        assertThat(result.callsStored()).isEqualTo(1);
    }

    @Test
    void aChainLosesItsOldPrefixNeverAMiddleEntryAndStillVerifiesFromWhatIsKept() {
        String tenant = uniqueTenant();
        Instant old = Instant.now().minus(Duration.ofDays(3000)).truncatedTo(ChronoUnit.MICROS);
        Instant recent = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.write(
                        List.of(entry(tenant, old), entry(tenant, old), entry(tenant, recent), entry(tenant, old)),
                        List.of(),
                        List.of())
                .await()
                .atMost(WAIT);

        retention.run().await().atMost(WAIT);

        List<Long> kept = pool
                .preparedQuery("SELECT chain_seq FROM audit_entry WHERE chain = $1 ORDER BY chain_seq")
                .execute(Tuple.of(tenant))
                .await()
                .atMost(WAIT)
                .stream()
                .map(row -> row.getLong(0))
                .toList();
        assertThat(kept).containsExactly(3L, 4L);
        JsonPath verification = given().get("/audit/chains/{chain}/verification", tenant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("fromSequence")).isEqualTo(3);
        assertThat(verification.getLong("entriesChecked")).isEqualTo(2);
    }

    private static CallRecordRow call(Instant at) {
        return new CallRecordRow(
                UUID.randomUUID(),
                at.truncatedTo(ChronoUnit.MICROS),
                "t-retention",
                "key_1",
                "rt_1",
                "gw-1",
                "req-1",
                "GET",
                "/x",
                200,
                "PROXIED",
                "203.0.113.1",
                900,
                0,
                10);
    }

    private static AuditEvent entry(String tenant, Instant at) {
        return new AuditEvent(
                UUID.randomUUID(),
                "keygate.tokens",
                "io.keygate.apikey.updated.v1",
                "key_1",
                tenant,
                1L,
                "/token-service",
                at,
                null,
                null,
                null,
                "apikey.updated",
                "key_1",
                "success",
                null,
                "{}",
                null,
                null);
    }
}
