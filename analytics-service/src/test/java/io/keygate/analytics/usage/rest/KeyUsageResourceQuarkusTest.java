package io.keygate.analytics.usage.rest;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class KeyUsageResourceQuarkusTest {

    private final String tenant = uniqueTenant();
    private final String keyId = uniqueKey();

    @Test
    void withoutARangeTheReportCoversTheLastHour() {
        Instant now = Instant.now();
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            producer.send(envelope(call(tenant, keyId, now.minusSeconds(30), 500, 10, 20)));
            producer.send(envelope(call(tenant, keyId, now.minus(Duration.ofHours(2)), 200, 10, 20)));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(report().getLong("totalCalls")).isEqualTo(1));
        JsonPath report = report();
        assertThat(report.getString("tenantId")).isEqualTo(tenant);
        assertThat(report.getString("keyId")).isEqualTo(keyId);
        assertThat(report.getLong("totalErrors")).isEqualTo(1);
        assertThat(Duration.between(Instant.parse(report.getString("from")), Instant.parse(report.getString("to"))))
                .isEqualTo(Duration.ofHours(1));
        assertThat(report.getList("minutes")).hasSize(1);
    }

    @Test
    void aKeyWithoutCallsHasAnEmptyReport() {
        given().queryParam("tenantId", tenant)
                .get("/reports/keys/{k}/usage", keyId)
                .then()
                .statusCode(200)
                .body("totalCalls", equalTo(0))
                .body("minutes.size()", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({
        "from,yesterday,",
        "to,,2026-02-30T00:00:00Z",
        "to,2026-01-02T00:00:00Z,2026-01-01T00:00:00Z",
        "from,2026-01-01T00:00:00Z,2026-03-01T00:00:00Z"
    })
    void badRangesAreProblemsNamingTheParameter(String parameter, String from, String to) {
        var request = given().queryParam("tenantId", tenant);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        request.get("/reports/keys/{k}/usage", keyId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void theTenantIsRequired() {
        given().get("/reports/keys/{k}/usage", keyId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tenantId"));
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
