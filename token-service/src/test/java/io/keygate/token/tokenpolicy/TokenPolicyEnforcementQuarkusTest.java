package io.keygate.token.tokenpolicy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.StoredEvents;
import io.keygate.token.testdata.TestApiKeys;
import io.keygate.token.testdata.TestApplications;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class TokenPolicyEnforcementQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void tighteningAPolicyBringsExistingKeysIntoLineByEventsOnceEvenWhenRedelivered() {
        String noExpiry = issue(Map.of("name", "no expiry"));
        String farExpiry = issue(Map.of(
                "name",
                "far",
                "expiresAt",
                Instant.now().plus(Duration.ofDays(400)).toString(),
                "ipAllowList",
                List.of("10.1.0.0/16")));
        String wideNetwork = issue(Map.of(
                "name",
                "wide",
                "expiresAt",
                Instant.now().plus(Duration.ofDays(5)).toString(),
                "ipAllowList",
                List.of("10.0.0.0/8")));
        String compliant = issue(Map.of(
                "name",
                "fine",
                "expiresAt",
                Instant.now().plus(Duration.ofDays(5)).toString(),
                "ipAllowList",
                List.of("10.1.2.0/24")));

        EventEnvelope<TokenPolicySet> policyEvent =
                publish(policy(1, Duration.ofDays(30), true, List.of("10.1.0.0/16"), null, false));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(PublishedTokenEvents.of(noExpiry)).hasSize(2).last().satisfies(envelope -> {
                assertThat(envelope.causationId()).isEqualTo(policyEvent.id().toString());
                assertThat(((ApiKeyUpdated) envelope.data()).changedFields())
                        .containsExactly("expiresAt", "ipAllowList");
                assertThat(envelope.data().tenantId()).isEqualTo(tenant);
            });
            assertThat(PublishedTokenEvents.dataOf(farExpiry))
                    .hasSize(2)
                    .last()
                    .isInstanceOfSatisfying(
                            ApiKeyUpdated.class,
                            updated -> assertThat(updated.key().expiresAt())
                                    .isBefore(Instant.now().plus(Duration.ofDays(31))));
            assertThat(PublishedTokenEvents.dataOf(wideNetwork))
                    .hasSize(2)
                    .last()
                    .isInstanceOfSatisfying(
                            ApiKeyUpdated.class,
                            updated -> assertThat(updated.key().ipAllowList()).containsExactly("10.1.0.0/16"));
        });
        given().get("/tenants/{t}/api-keys/{k}", tenant, wideNetwork)
                .then()
                .statusCode(200)
                .body("ipAllowList", equalTo(List.of("10.1.0.0/16")));

        republish(policyEvent); // a redelivery: same version, nothing new
        publish(policy(1, Duration.ofDays(1), true, List.of(), null, false)); // a stale copy claiming version 1
        await().during(Duration.ofSeconds(3))
                .atMost(WAIT)
                .until(() -> StoredEvents.typesOf(pool, noExpiry).size() == 2);
        assertThat(StoredEvents.typesOf(pool, compliant)).containsExactly("io.keygate.apikey.issued.v1");
        assertThat(StoredEvents.typesOf(pool, farExpiry)).hasSize(2);
    }

    @Test
    void nonCompliantKeysAreRefusedWith422NamingTheRuleAndTheField() {
        String existing = issue(Map.of(
                "name",
                "before",
                "expiresAt",
                Instant.now().plus(Duration.ofDays(2)).toString(),
                "ipAllowList",
                List.of("203.0.113.0/24")));
        publish(policy(1, Duration.ofDays(7), true, List.of("203.0.113.0/24"), null, false));
        await().atMost(WAIT)
                .until(() -> given().contentType(ContentType.JSON)
                                .body(Map.of("name", "probe"))
                                .post("/tenants/{t}/api-keys", tenant)
                                .statusCode()
                        == 422);

        refusedIssue(Map.of("name", "x", "ipAllowList", List.of("203.0.113.0/24")), "expiresAt", "expiryRequired");
        refusedIssue(
                Map.of(
                        "name",
                        "x",
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(8)).toString(),
                        "ipAllowList",
                        List.of("203.0.113.0/24")),
                "expiresAt",
                "maxKeyLifetime");
        refusedIssue(
                Map.of(
                        "name",
                        "x",
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(1)).toString()),
                "ipAllowList",
                "allowedCidrs");
        refusedIssue(
                Map.of(
                        "name",
                        "x",
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(1)).toString(),
                        "ipAllowList",
                        List.of("203.0.113.0/24", "198.51.100.0/24")),
                "ipAllowList[1]",
                "allowedCidrs");
        issue(Map.of(
                "name",
                "ok",
                "expiresAt",
                Instant.now().plus(Duration.ofDays(1)).toString(),
                "ipAllowList",
                List.of("203.0.113.128/25")));

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()))
                .patch("/tenants/{t}/api-keys/{k}", tenant, existing)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "renamed"))
                .patch("/tenants/{t}/api-keys/{k}", tenant, existing)
                .then()
                .statusCode(200);
    }

    @Test
    void agedSecretGetsOneRotationWarningPerSecretAndIsExpiredWhenForced() {
        String warned = issue(Map.of("name", "warned"));
        publish(policy(1, null, false, List.of(), Duration.ofSeconds(2), false));

        await().atMost(WAIT)
                .until(() -> PublishedTokenEvents.typesOf(warned)
                        .equals(List.of("io.keygate.apikey.issued.v1", "io.keygate.apikey.rotation-due.v1")));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> StoredEvents.typesOf(pool, warned).size() == 2);
        given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT0S"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, warned)
                .then()
                .statusCode(200);
        await().atMost(WAIT)
                .until(() -> StoredEvents.typesOf(pool, warned)
                        .equals(List.of(
                                "io.keygate.apikey.issued.v1",
                                "io.keygate.apikey.rotation-due.v1",
                                "io.keygate.apikey.rotated.v1",
                                "io.keygate.apikey.rotation-due.v1")));

        publish(policy(2, null, false, List.of(), Duration.ofSeconds(2), true));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(StoredEvents.typesOf(pool, warned)).endsWith("io.keygate.apikey.expired.v1"));
        given().get("/tenants/{t}/api-keys/{k}", tenant, warned)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> StoredEvents.typesOf(pool, warned).size() == 5);
    }

    /**
     * Issuances that commit together (group commit) read their applications and the tenant's policy once for the
     * group, and each is still judged on its own: the policy's row is held locked while two issuances occupy both
     * group slots, so the dozen sent next wait and share one group. (The test profile's group lock timeout outlasts
     * the hold.)
     */
    @Test
    void issuancesCommittedTogetherAreEachJudgedOnTheirOwnApplicationAndThePolicy() throws Exception {
        String active = TestApplications.createIn(tenant);
        String deleted = TestApplications.createIn(tenant);
        given().delete("/tenants/{t}/applications/{a}", tenant, deleted).then().statusCode(204);
        String foreign =
                TestApplications.createIn("o-" + UUID.randomUUID().toString().substring(0, 8));
        publish(policy(1, Duration.ofDays(7), true, List.of(), null, false));
        await().atMost(WAIT)
                .until(() -> given().contentType(ContentType.JSON)
                                .body(Map.of("name", "probe"))
                                .post("/tenants/{t}/api-keys", tenant)
                                .statusCode()
                        == 422);
        String soon = Instant.now().plus(Duration.ofDays(2)).toString();
        Map<String, Object> compliant = Map.of("name", "ok", "applicationId", active, "expiresAt", soon);

        ExecutorService callers = Executors.newFixedThreadPool(14);
        SqlConnection holder = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction held = holder.begin().await().atMost(WAIT);
            holder.preparedQuery("SELECT 1 FROM tenant_token_policy WHERE tenant_id = $1 FOR UPDATE")
                    .execute(Tuple.of(tenant))
                    .await()
                    .atMost(WAIT);
            // One at a time, so that each holds a group slot of its own.
            List<CompletableFuture<ExtractableResponse<Response>>> first = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                first.add(CompletableFuture.supplyAsync(() -> post(compliant), callers));
                int slots = i;
                await().atMost(WAIT).until(() -> groupsWaitingOnThePolicy() >= slots);
            }

            double waitingBefore = commandsWaitingForAGroup();
            List<CompletableFuture<ExtractableResponse<Response>>> accepted = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                accepted.add(CompletableFuture.supplyAsync(() -> post(compliant), callers));
            }
            var ofDeleted = CompletableFuture.supplyAsync(
                    () -> post(Map.of("name", "d", "applicationId", deleted, "expiresAt", soon)), callers);
            var ofForeign = CompletableFuture.supplyAsync(
                    () -> post(Map.of("name", "f", "applicationId", foreign, "expiresAt", soon)), callers);
            var withoutExpiry =
                    CompletableFuture.supplyAsync(() -> post(Map.of("name", "n", "applicationId", active)), callers);
            var tooLong = CompletableFuture.supplyAsync(
                    () -> post(Map.of(
                            "name",
                            "l",
                            "expiresAt",
                            Instant.now().plus(Duration.ofDays(9)).toString())),
                    callers);
            await().atMost(WAIT).until(() -> commandsWaitingForAGroup() - waitingBefore >= 12);
            held.commit().await().atMost(WAIT);

            for (CompletableFuture<ExtractableResponse<Response>> issued : first) {
                assertThat(issued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            }
            List<String> ids = new ArrayList<>();
            for (CompletableFuture<ExtractableResponse<Response>> issued : accepted) {
                ExtractableResponse<Response> response = issued.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                ids.add(response.path("id"));
            }
            assertApplicationRefused(ofDeleted.get(30, TimeUnit.SECONDS), "is deleted");
            assertApplicationRefused(ofForeign.get(30, TimeUnit.SECONDS), "does not exist");
            assertPolicyRefused(withoutExpiry.get(30, TimeUnit.SECONDS), "expiryRequired");
            assertPolicyRefused(tooLong.get(30, TimeUnit.SECONDS), "maxKeyLifetime");
            assertThat(pool.preparedQuery(
                                    "SELECT count(DISTINCT xmin::text) AS n FROM event_store WHERE aggregate_id = ANY($1)")
                            .execute(Tuple.of(ids.toArray(String[]::new)))
                            .await()
                            .atMost(WAIT)
                            .iterator()
                            .next()
                            .getLong("n"))
                    .as("transactions that stored the eight accepted keys")
                    .isEqualTo(1);
        } finally {
            holder.close().await().atMost(WAIT);
            callers.shutdownNow();
        }
    }

    /** Group-commit transactions waiting for the policy's row lock (not the policy's own alignment, say). */
    private long groupsWaitingOnThePolicy() {
        return pool.query("""
                        SELECT count(*) AS n FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%FROM tenant_token_policy WHERE tenant_id = ANY%'""").execute().await().atMost(WAIT).iterator().next().getLong("n");
    }

    private double commandsWaitingForAGroup() {
        return registry.get("keygate.eventstore.commit.group.waiting").gauge().value();
    }

    private ExtractableResponse<Response> post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .extract();
    }

    private static void assertApplicationRefused(ExtractableResponse<Response> response, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(response.<String>path("errors[0].field")).isEqualTo("applicationId");
        assertThat(response.<String>path("detail")).contains(detail);
    }

    private static void assertPolicyRefused(ExtractableResponse<Response> response, String rule) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(response.<String>path("type")).isEqualTo("https://keygate.io/problems/token-policy-violation");
        assertThat(response.<String>path("errors[0].field")).isEqualTo("expiresAt");
        assertThat(response.<String>path("errors[0].message")).startsWith(rule + ":");
    }

    private String issue(Map<String, Object> body) {
        return TestApiKeys.issueId(tenant, body);
    }

    private void refusedIssue(Map<String, Object> body, String field, String rule) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keygate.io/problems/token-policy-violation"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith(rule + ":"));
    }

    private TokenPolicyState policy(
            long version, Duration maxLifetime, boolean required, List<String> cidrs, Duration maxAge, boolean force) {
        return new TokenPolicyState(tenant, maxLifetime, required, maxAge, 0, force, cidrs, version, Instant.now());
    }

    /** Publishes a policy event as policy-service's relay would. */
    private EventEnvelope<TokenPolicySet> publish(TokenPolicyState policy) {
        EventEnvelope<TokenPolicySet> envelope = EventEnvelope.create(
                "/policy-service", policy.version(), Instant.now(), "test", null, new TokenPolicySet(policy));
        republish(envelope);
        return envelope;
    }

    private static void republish(EventEnvelope<TokenPolicySet> envelope) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", Testkit.kafka().bootstrapServers());
        config.put("acks", "all");
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>("keygate.policies", envelope.subject(), CODEC.toCloudEvent(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Policy event not acknowledged", e);
        }
    }
}
