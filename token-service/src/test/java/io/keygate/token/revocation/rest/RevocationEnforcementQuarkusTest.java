package io.keygate.token.revocation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.gateway.AppliedPosition;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RevocationEnforcementQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final EventCodec CODEC = new EventCodec();

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void revocationIsEnforcedByTheLiveGatewaysWhosePositionPassedItsOffsetSinceTheyDid() {
        String keyId = createKey();
        revoke(keyId);
        ConsumerRecord<String, CloudEvent> onKafka = revocationOnKafka(keyId);
        JsonPath published =
                await().atMost(WAIT).until(() -> revocationOf(keyId), answer -> answer.getBoolean("published"));
        assertThat(published.getString("topic")).isEqualTo(onKafka.topic());
        assertThat(published.getInt("partition")).isEqualTo(onKafka.partition());
        assertThat(published.getLong("offset")).isEqualTo(onKafka.offset());
        assertThat(published.getString("credentialId")).isEqualTo(keyId);
        assertThat(published.getString("revokedAt")).isNotNull();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant passedAt = now.minusMillis(400);
        String before = "gw-before-" + tenant;
        String after = "gw-after-" + tenant;
        String gone = "gw-gone-" + tenant;
        publishWatermark(before, now, onKafka, onKafka.offset(), now.minusSeconds(1));
        publishWatermark(after, now, onKafka, onKafka.offset() + 1, passedAt);
        publishWatermark(gone, now.minus(Duration.ofMinutes(5)), onKafka, onKafka.offset() + 1, passedAt);

        JsonPath answer = await().atMost(WAIT).until(() -> revocationOf(keyId), a -> ours(a).size() == 2);
        assertThat(gateway(answer, after))
                .containsEntry("enforced", true)
                .containsEntry("enforcedSince", passedAt.toString())
                .containsEntry("appliedPosition", (int) onKafka.offset() + 1);
        assertThat(gateway(answer, before)).containsEntry("enforced", false).containsEntry("enforcedSince", null);
        assertThat(gateway(answer, gone)).as("not live").isNull();
        assertThat(answer.getBoolean("enforcedByAllLiveGateways")).isFalse();

        Instant caughtUp = now.plusMillis(300);
        publishWatermark(before, now.plusSeconds(1), onKafka, onKafka.offset() + 3, caughtUp);

        JsonPath all = await().atMost(WAIT)
                .until(
                        () -> revocationOf(keyId),
                        a -> Boolean.TRUE.equals(gateway(a, before).get("enforced")));
        assertThat(gateway(all, before)).containsEntry("enforcedSince", caughtUp.toString());
        assertThat(ours(all)).allSatisfy(g -> assertThat(g).containsEntry("enforced", true));
    }

    @Test
    void keyThatIsNotRevokedIsNotFound() {
        String keyId = createKey();

        given().get("/tenants/{t}/api-keys/{k}/revocation", tenant, keyId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("API key " + keyId + " is not revoked"));
    }

    @Test
    void revokedKeyOfAnotherTenantIsNotFound() {
        String keyId = createKey();
        revoke(keyId);

        given().get("/tenants/{t}/api-keys/{k}/revocation", "someone-else", keyId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void accessTokenNeverRevokedIsNotFound() {
        given().get(
                        "/tenants/{t}/access-tokens/{jti}/revocation",
                        tenant,
                        UUID.randomUUID().toString())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private String createKey() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void revoke(String keyId) {
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "leaked"))
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, keyId)
                .then()
                .statusCode(200);
    }

    private JsonPath revocationOf(String keyId) {
        return given().get("/tenants/{t}/api-keys/{k}/revocation", tenant, keyId)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
    }

    /** The gateways of this test (other test classes' gateways may be live on the shared broker). */
    private List<Map<String, Object>> ours(JsonPath answer) {
        List<Map<String, Object>> gateways = answer.getList("gateways");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> gateway : gateways) {
            if (gateway.get("gatewayId").toString().endsWith(tenant)) {
                mine.add(gateway);
            }
        }
        return mine;
    }

    private Map<String, Object> gateway(JsonPath answer, String id) {
        return ours(answer).stream()
                .filter(g -> id.equals(g.get("gatewayId")))
                .findFirst()
                .orElse(null);
    }

    private static ConsumerRecord<String, CloudEvent> revocationOnKafka(String keyId) {
        return await().atMost(WAIT)
                .until(
                        () -> Testkit.kafka()
                                .readAll(
                                        Topic.TOKENS.topicName(),
                                        new StringDeserializer(),
                                        new CloudEventDeserializer())
                                .stream()
                                .filter(r -> keyId.equals(r.key()))
                                .filter(r -> r.value().getType().equals("io.keygate.apikey.revoked.v1"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** A gateway's watermark with {@code position} on the revocation's partition and 0 on the others. */
    private static void publishWatermark(
            String gatewayId,
            Instant publishedAt,
            ConsumerRecord<String, CloudEvent> revocation,
            long position,
            Instant appliedAt) {
        List<AppliedPosition> positions = new ArrayList<>();
        for (int partition = 0; partition < Topic.TOKENS.partitions(); partition++) {
            positions.add(new AppliedPosition(
                    Topic.TOKENS.topicName(),
                    partition,
                    partition == revocation.partition() ? position : 0,
                    partition == revocation.partition() ? appliedAt : publishedAt));
        }
        GatewayWatermarkPublished watermark = new GatewayWatermarkPublished(gatewayId, publishedAt, positions);
        try (TestEventPublisher publisher =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            publisher.send(EventEnvelope.create(
                    "/edge-gateway", publishedAt.toEpochMilli(), publishedAt, null, null, watermark));
        }
    }
}
