package io.keygate.policy.iprule.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.policy.IpRuleExpired;
import io.keygate.policy.iprule.config.IpRuleConfig;
import io.keygate.policy.iprule.store.IpRuleProjection;
import io.keygate.policy.testdata.PublishedPolicyEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class IpRuleExpiryQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    IpRuleService service;

    @Inject
    IpRuleProjection projection;

    @Inject
    IpRuleConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoReplicasAndARestartExpireADueRuleExactlyOnce() {
        Instant expiresAt = Instant.now().plusSeconds(2);
        String ruleId = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "action",
                        "DENY",
                        "cidr",
                        "192.0.2.0/24",
                        "reason",
                        "incident",
                        "expiresAt",
                        expiresAt.toString()))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(WAIT).until(() -> Instant.now().isAfter(expiresAt));

        Uni.combine()
                .all()
                .unis(newReplica().runOnce(), newReplica().runOnce())
                .asTuple()
                .await()
                .atMost(WAIT);
        newReplica().runOnce().await().atMost(WAIT); // a restarted process: no memory of the passes before

        assertThat(storedEventTypes(ruleId))
                .containsExactly("io.keygate.ip-rule.created.v1", "io.keygate.ip-rule.expired.v1");
        given().get("/tenants/{t}/ip-rules/{r}", tenant, ruleId)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedPolicyEvents.dataOf(ruleId))
                        .hasSize(2)
                        .last()
                        .isInstanceOf(IpRuleExpired.class));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> PublishedPolicyEvents.dataOf(ruleId).size() == 2);
    }

    @Test
    void ruleNotYetDueIsLeftAlone() {
        String ruleId = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "action",
                        "DENY",
                        "cidr",
                        "198.51.100.0/24",
                        "reason",
                        "later",
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString()))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        newReplica().runOnce().await().atMost(WAIT);

        assertThat(storedEventTypes(ruleId)).containsExactly("io.keygate.ip-rule.created.v1");
    }

    private IpRuleExpiryScheduler newReplica() {
        return new IpRuleExpiryScheduler(service, projection, config, vertx);
    }

    private List<String> storedEventTypes(String aggregateId) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("SELECT event_type FROM event_store WHERE aggregate_id = $1 ORDER BY version")
                .execute(Tuple.of(aggregateId))
                .await()
                .atMost(WAIT)
                .forEach(row -> types.add(row.getString("event_type")));
        return types;
    }
}
