package io.keygate.analytics.usage.rest;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An API owner sees how close a key runs to its rate limit and quota, from the token-service's key events. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class KeyLimitUsageQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String tenant = uniqueTenant();
    private final String keyId = uniqueKey();

    @Test
    void aKeysCallsAreSetAgainstItsLatestRateLimitAndQuota() {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            // Issued with 3 per minute, then raised to 5 per minute with a quota of 20 uses (no refill).
            publish(producer, 1, new ApiKeyIssued(key(issued, new RateLimit(3, RateLimitPeriod.MINUTE), null)));
            publish(
                    producer,
                    2,
                    new ApiKeyUpdated(
                            key(issued, new RateLimit(5, RateLimitPeriod.MINUTE), new Quota(20, null)),
                            List.of("rateLimit", "quota")));
            for (int i = 0; i < 6; i++) {
                producer.send(envelope(call(tenant, keyId, thisMinute.minusSeconds(60 - i), 200, 1, 1)));
            }
            producer.send(envelope(call(tenant, keyId, thisMinute.minusSeconds(120), 429, 1, 1)));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath report = report();
            assertThat(report.getLong("totalCalls")).isEqualTo(7);
            assertThat(report.getLong("rateLimit.limit.requests")).isEqualTo(5);
        });
        JsonPath report = report();
        assertThat(report.getString("rateLimit.comparedPer")).isEqualTo("MINUTE");
        assertThat(report.getLong("rateLimit.allowance")).isEqualTo(5);
        assertThat(report.getLong("rateLimit.peakCalls")).isEqualTo(6);
        assertThat(Instant.parse(report.getString("rateLimit.peakAt"))).isEqualTo(thisMinute.minusSeconds(60));
        assertThat(report.getDouble("rateLimit.peakUtilisation")).isEqualTo(1.2);
        assertThat(report.getInt("rateLimit.periodsAtLimit")).isEqualTo(1);
        assertThat(report.getLong("quota.quota.limit")).isEqualTo(20);
        assertThat(report.getLong("quota.callsInPeriod")).isEqualTo(7);
        assertThat(report.getDouble("quota.utilisation")).isEqualTo(0.35);
        assertThat(Instant.parse(report.getString("quota.periodStart")))
                .isEqualTo(issued.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aKeyWithoutLimitsHasNone() {
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            publish(producer, 1, new ApiKeyIssued(key(Instant.now(), null, null)));
            producer.send(envelope(call(tenant, keyId, Instant.now().minusSeconds(5), 200, 1, 1)));
        }

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(report().getLong("totalCalls")).isEqualTo(1));
        JsonPath report = report();
        assertThat(report.getMap("rateLimit")).isNull();
        assertThat(report.getMap("quota")).isNull();
    }

    private void publish(TestEventPublisher producer, long sequence, io.keygate.events.KeygateEvent event) {
        producer.send(
                Topic.TOKENS,
                keyId,
                new EventCodec()
                        .toCloudEvent(
                                EventEnvelope.create("/token-service", sequence, Instant.now(), null, null, event)));
    }

    private ApiKeyState key(Instant createdAt, RateLimit rateLimit, Quota quota) {
        return new ApiKeyState(
                keyId,
                tenant,
                "k",
                "kg_test_AbCd…wXyZ",
                "hash",
                List.of(),
                ApiKeyStatus.ACTIVE,
                createdAt.truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                rateLimit,
                quota,
                null,
                null,
                null);
    }

    private JsonPath report() {
        return given().queryParam("tenantId", tenant)
                .get("/reports/keys/{k}/usage", keyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
