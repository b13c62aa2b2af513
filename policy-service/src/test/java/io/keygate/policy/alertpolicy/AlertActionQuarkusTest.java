package io.keygate.policy.alertpolicy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.testing.TestAlerts;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A tenant's alert policy makes a critical alert act: the policy-service denies the alert's client address with a
 * tenant IP rule caused by the alert, once, for the policy's duration; without the policy, or for a warning, nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AlertActionQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();

    @Test
    void aCriticalAlertDeniesItsAddressOnceWithTheAlertAsCause() {
        String tenant = newTenant();
        String bystander = newTenant();
        given().contentType(ContentType.JSON)
                .body(Map.of("revokeKeys", false, "blockIps", true, "blockFor", "PT2H"))
                .put("/tenants/{t}/alert-policy", tenant)
                .then()
                .statusCode(200)
                .body("blockIps", equalTo(true))
                .body("blockFor", equalTo("PT2H"))
                .body("version", equalTo(1));
        EventEnvelope<AlertRaised> warning = alert(bystander, AlertSeverity.WARNING, "198.51.100.9");
        EventEnvelope<AlertRaised> withoutPolicy = alert(bystander, AlertSeverity.CRITICAL, "198.51.100.8");
        EventEnvelope<AlertRaised> critical = alert(tenant, AlertSeverity.CRITICAL, "198.51.100.7");
        publish(warning, withoutPolicy, critical, critical);

        String ruleId = "ipr_"
                + UUID.nameUUIDFromBytes(("alert:" + critical.id()).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/tenants/{t}/ip-rules/{r}", tenant, ruleId)
                        .then()
                        .statusCode(200)
                        .body("action", equalTo("DENY"))
                        .body("cidr", equalTo("198.51.100.7/32"))
                        .body("status", equalTo("ACTIVE")));
        String expiresAt =
                given().get("/tenants/{t}/ip-rules/{r}", tenant, ruleId).path("expiresAt");
        assertThat(Instant.parse(expiresAt))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(110)),
                        Instant.now().plus(Duration.ofMinutes(121)));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(ruleId))
                        .singleElement()
                        .satisfies(created -> {
                            assertThat(created.data()).isInstanceOf(IpRuleCreated.class);
                            assertThat(created.causationId())
                                    .isEqualTo(critical.id().toString());
                        }));
        // The bystander tenant has no policy (and one alert was a warning): no rule for it.
        assertThat(given().get("/tenants/{t}/ip-rules", bystander)
                        .then()
                        .extract()
                        .<List<String>>path("id"))
                .isEmpty();
        assertThat(given().get("/tenants/{t}/ip-rules", tenant).then().extract().<List<String>>path("id"))
                .containsExactly(ruleId);
    }

    @Test
    void thePolicyIsValidatedAndReadBack() {
        String tenant = newTenant();
        given().get("/tenants/{t}/alert-policy", tenant).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("revokeKeys", true, "blockIps", true, "blockFor", "PT10S"))
                .put("/tenants/{t}/alert-policy", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("blockFor"));
        given().contentType(ContentType.JSON)
                .body(Map.of("revokeKeys", true))
                .put("/tenants/{t}/alert-policy", tenant)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("revokeKeys", true, "blockIps", false))
                .put("/tenants/{t}/alert-policy", tenant)
                .then()
                .statusCode(200)
                .body("blockFor", equalTo("PT24H"));
        given().get("/tenants/{t}/alert-policy", tenant)
                .then()
                .statusCode(200)
                .body("revokeKeys", equalTo(true))
                .body("version", equalTo(1));
    }

    private static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static EventEnvelope<AlertRaised> alert(String tenant, AlertSeverity severity, String clientIp) {
        return TestAlerts.raised(
                tenant,
                AlertKind.AUTH_FAILURE_BURST_BY_IP,
                severity,
                severity == AlertSeverity.CRITICAL ? AlertAction.BLOCK_IP : AlertAction.NONE,
                null,
                clientIp);
    }

    @SafeVarargs
    private static void publish(EventEnvelope<AlertRaised>... alerts) {
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            for (EventEnvelope<AlertRaised> alert : alerts) {
                producer.send(alert);
            }
        }
    }

    private static List<EventEnvelope<KeygateEvent>> published(String aggregateId) {
        return Testkit.kafka()
                .readAll(Topic.POLICIES.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(r -> aggregateId.equals(r.key()))
                .map(r -> CODEC.fromCloudEvent(r.value()))
                .toList();
    }
}
