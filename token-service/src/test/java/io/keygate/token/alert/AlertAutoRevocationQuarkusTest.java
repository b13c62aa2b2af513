package io.keygate.token.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.EventEnvelope;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.events.policy.AlertPolicySet;
import io.keygate.events.policy.AlertPolicyState;
import io.keygate.events.testing.TestAlerts;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.StoredEvents;
import io.keygate.token.testdata.TestApiKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AlertAutoRevocationQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Listed in %test.keygate.alert-actions.auto-revoke-tenants. */
    private static final String OPTED_IN = "acme-auto-revoke";

    @Inject
    Pool pool;

    @Test
    void aCriticalAlertOfAnOptedInTenantRevokesTheKeyWithTheAlertAsCauseOnceEvenWhenRedelivered() {
        String key = issue(OPTED_IN);
        EventEnvelope<AlertRaised> alert = alert(OPTED_IN, key, AlertSeverity.CRITICAL, AlertAction.REVOKE_KEY);

        publish(alert);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedTokenEvents.of(key))
                        .last()
                        .satisfies(revocation -> {
                            assertThat(revocation.data()).isInstanceOf(ApiKeyRevoked.class);
                            assertThat(revocation.causationId())
                                    .isEqualTo(alert.id().toString());
                            assertThat(((ApiKeyRevoked) revocation.data()).key().revocationReason())
                                    .startsWith("analytics alert REQUEST_RATE_SPIKE");
                        }));
        given().get("/tenants/{t}/api-keys/{k}", OPTED_IN, key)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));

        publish(alert); // redelivered: nothing new
        await().during(Duration.ofSeconds(3))
                .atMost(WAIT)
                .until(() -> StoredEvents.typesOf(pool, key).size() == 2);
    }

    @Test
    void warningsAndTenantsWithoutTheOptInRevokeNothing() {
        String warned = issue(OPTED_IN);
        String notOptedIn = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String other = issue(notOptedIn);

        publish(alert(OPTED_IN, warned, AlertSeverity.WARNING, AlertAction.NONE));
        publish(alert(notOptedIn, other, AlertSeverity.CRITICAL, AlertAction.REVOKE_KEY));

        await().during(Duration.ofSeconds(3))
                .atMost(WAIT)
                .until(() -> StoredEvents.typesOf(pool, warned).size() == 1
                        && StoredEvents.typesOf(pool, other).size() == 1);
    }

    @Test
    void aTenantsAlertPolicyFromThePolicyServiceLetsItsCriticalAlertsRevoke() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issue(tenant);
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            producer.send(EventEnvelope.create(
                    "/policy-service",
                    1,
                    Instant.now(),
                    null,
                    null,
                    new AlertPolicySet(
                            new AlertPolicyState(tenant, true, false, Duration.ofHours(24), 1, Instant.now()))));
        }
        EventEnvelope<AlertRaised> alert = alert(tenant, key, AlertSeverity.CRITICAL, AlertAction.REVOKE_KEY);

        // The policy and the alert arrive on different topics: the alert may come first and revoke nothing, so it is
        // sent again (as analytics would for the next window) until the policy is there.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            publish(alert);
            assertThat(PublishedTokenEvents.of(key)).last().satisfies(revocation -> {
                assertThat(revocation.data()).isInstanceOf(ApiKeyRevoked.class);
                assertThat(revocation.causationId()).isEqualTo(alert.id().toString());
            });
        });
    }

    private static EventEnvelope<AlertRaised> alert(
            String tenant, String key, AlertSeverity severity, AlertAction action) {
        return TestAlerts.raised(tenant, AlertKind.REQUEST_RATE_SPIKE, severity, action, key, null);
    }

    private static void publish(EventEnvelope<AlertRaised> alert) {
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            producer.send(alert);
        }
    }

    private static String issue(String tenant) {
        return TestApiKeys.issueId(tenant, Map.of("name", "watched"));
    }
}
