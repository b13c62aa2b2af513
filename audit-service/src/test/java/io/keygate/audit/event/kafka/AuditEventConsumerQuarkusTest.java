package io.keygate.audit.event.kafka;

import static io.keygate.audit.event.SampleEvents.call;
import static io.keygate.audit.event.SampleEvents.issued;
import static io.keygate.audit.event.SampleEvents.revoked;
import static io.keygate.audit.event.SampleEvents.routeDefined;
import static io.keygate.audit.event.SampleEvents.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AuditEventConsumerQuarkusTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final TestEventPublisher producer =
            new TestEventPublisher(Testkit.kafka().bootstrapServers());
    private final String tenant = uniqueTenant();

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void everyEventTypeIsStoredWithItsCloudEventsAttributesAndData() {
        String keyId = "key_" + UUID.randomUUID();
        var issued = issued(tenant, keyId, T0);
        var route = routeDefined(tenant, "rt_" + UUID.randomUUID(), T0.plusSeconds(1));
        var call = call(tenant, keyId, T0.plusSeconds(2), 200);
        var revoked = revoked(tenant, keyId, T0.plusSeconds(3));
        List.of(issued, route, call, revoked).forEach(producer::send);

        JsonPath page = awaitTenantEvents(3);

        assertThat(page.<String>getList("items.type"))
                .containsExactly(
                        "io.keygate.apikey.issued.v1", "io.keygate.route.defined.v2", "io.keygate.apikey.revoked.v1");
        assertThat(page.<String>getList("items.topic"))
                .containsExactly("keygate.tokens", "keygate.policies", "keygate.tokens");
        assertThat(page.<String>getList("items.id"))
                .containsExactly(
                        issued.id().toString(),
                        route.id().toString(),
                        revoked.id().toString());
        Map<String, Object> first = page.getMap("items[0]");
        assertThat(first)
                .containsEntry("source", "/token-service")
                .containsEntry("subject", keyId)
                .containsEntry("tenantId", tenant)
                .containsEntry("sequence", 1)
                .containsEntry("time", T0.toString())
                .containsEntry("correlationId", issued.correlationId())
                .containsEntry("causationId", null)
                .containsEntry("action", "apikey.issued")
                .containsEntry("target", keyId)
                .containsEntry("outcome", "success")
                .containsEntry("chain", tenant)
                .containsEntry("chainSequence", 1)
                .containsEntry("previousHash", "0".repeat(64));
        assertThat(page.<Integer>getList("items.chainSequence")).containsExactly(1, 2, 3);
        assertThat(page.getString("items[1].previousHash")).isEqualTo(page.getString("items[0].entryHash"));
        assertThat(page.getString("items[0].data.key.keyId")).isEqualTo(keyId);
        assertThat(page.getString("items[0].data.key.status")).isEqualTo("ACTIVE");
        assertThat(page.getString("items[2].data.reason")).isEqualTo("leaked");

        // Call records are kept apart from admin activity.
        JsonPath calls = given().queryParam("tenantId", tenant)
                .get("/audit/calls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(calls.<String>getList("items.eventId"))
                .containsExactly(call.id().toString());
        assertThat(calls.getInt("items[0].status")).isEqualTo(200);
        assertThat(calls.getString("items[0].keyId")).isEqualTo(keyId);

        given().get("/audit/events/{id}", revoked.id())
                .then()
                .statusCode(200)
                .body("type", org.hamcrest.Matchers.equalTo("io.keygate.apikey.revoked.v1"))
                .body("data.key.status", org.hamcrest.Matchers.equalTo("REVOKED"));
    }

    @Test
    void theSameEventDeliveredTwiceIsStoredOnce() {
        String keyId = "key_" + UUID.randomUUID();
        EventEnvelope<KeygateEvent> issued = issued(tenant, keyId, T0);
        double duplicates = metric("keygate_audit_events_duplicate_total");
        producer.send(issued);
        producer.send(issued);
        // Same key, so the same partition: once the later event is stored, both copies were consumed.
        producer.send(revoked(tenant, keyId, T0.plusSeconds(1)));

        JsonPath page = awaitTenantEvents(2);

        assertThat(page.<String>getList("items.id"))
                .filteredOn(issued.id().toString()::equals)
                .hasSize(1);
        assertThat(metric("keygate_audit_events_duplicate_total") - duplicates).isEqualTo(1);
    }

    @Test
    void recordsThatAreNotStorableCloudEventsAreCountedAndDoNotBlockThePartition() {
        String keyId = "key_" + UUID.randomUUID();
        double before = metric("keygate_audit_records_unreadable_total");
        producer.sendRaw(Topic.CALLS, keyId, "{\"not\":\"a cloud event\"}".getBytes(StandardCharsets.UTF_8));
        producer.send(
                Topic.CALLS,
                keyId,
                CloudEventBuilder.v1()
                        .withId("not-a-uuid")
                        .withSource(URI.create("/x"))
                        .withType("io.keygate.call.recorded.v1")
                        .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .build());
        producer.send(
                Topic.CALLS,
                keyId,
                CloudEventBuilder.v1()
                        .withId(UUID.randomUUID().toString())
                        .withSource(URI.create("/x"))
                        .withType("io.keygate.call.recorded.v1")
                        .withExtension("tenantid", tenant)
                        .withData("application/json", "not json".getBytes(StandardCharsets.UTF_8))
                        .build());
        var valid = call(tenant, keyId, T0, 200);
        producer.send(valid);

        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(given().queryParam("tenantId", tenant)
                                .get("/audit/calls")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<String>getList("items.eventId"))
                        .containsExactly(valid.id().toString()));
        assertThat(metric("keygate_audit_records_unreadable_total") - before).isEqualTo(3);
        // Nothing read is lost: each unreadable record is kept whole, with why.
        JsonPath dead = given().queryParam("topic", "keygate.calls")
                .get("/audit/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dead.<String>getList("items.reason"))
                .contains("not a CloudEvent", "id is not a UUID", "data is not JSON");
        assertThat(dead.<String>getList("items.value"))
                .contains(java.util.Base64.getEncoder()
                        .encodeToString("{\"not\":\"a cloud event\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theConsumerGroupReadsEveryPartitionOfEveryContractTopic() throws Exception {
        Set<String> expected = Set.of(
                "keygate.tokens",
                "keygate.policies",
                "keygate.signing-keys",
                "keygate.calls",
                "keygate.identities",
                "keygate.alerts");
        int partitions = AuditTopics.READ.stream().mapToInt(Topic::partitions).sum();
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", Testkit.kafka().bootstrapServers()))) {
            await().atMost(PROPAGATION).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("keygate-audit"))
                        .describedGroups()
                        .get("keygate-audit")
                        .get();
                Set<TopicPartition> assigned = group.members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream())
                        .collect(Collectors.toSet());
                assertThat(assigned).hasSize(partitions);
                assertThat(assigned.stream().map(TopicPartition::topic).collect(Collectors.toSet()))
                        .isEqualTo(expected);
            });
        }
    }

    @Test
    void readinessCoversKafkaAndTheDatabaseAndMetricsAndOpenApiAnswer() {
        await().atMost(PROPAGATION)
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks.name", hasItem(containsString("Kafka")))
                        .body("checks.name", hasItem(containsString("PostgreSQL")))
                        .body("checks.name", hasItem(containsString("Messaging"))));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    private JsonPath awaitTenantEvents(int count) {
        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(tenantEvents().getList("items")).hasSize(count));
        return tenantEvents();
    }

    private JsonPath tenantEvents() {
        return given().queryParam("tenantId", tenant)
                .get("/audit/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A counter's value (its first series; audit's unreadable counter has only the calls topic's here). */
    private static double metric(String name) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
