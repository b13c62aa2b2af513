package io.keygate.analytics.usage.kafka;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An SRE sees how far the service is behind the call stream, per partition of {@code keygate.calls}. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ConsumerLagMetricQuarkusTest {

    /** The call channel's consumer: the client id SmallRye gives the channel {@code calls}. */
    private static final Pattern CALLS_LAG = Pattern.compile(
            "^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"kafka-consumer-calls\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void theRecordsLagOfTheCallChannelIsAMetricAndFallsToZeroOnceCaughtUp() {
        String tenant = uniqueTenant();
        String key = uniqueKey();
        double counted = metric("keygate_analytics_calls_counted_total");
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            Instant at = Instant.parse("2026-11-29T10:00:00Z");
            for (int i = 0; i < 50; i++) {
                producer.send(envelope(call(tenant, key, at.plusSeconds(i), 200, 10, 20)));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metric("keygate_analytics_calls_counted_total") - counted)
                        .isGreaterThanOrEqualTo(50));

        // The client's maximum over its sampling window (about a minute): it falls to 0 once caught up.
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(callsLag()).singleElement().isEqualTo(0.0));
    }

    private static List<Double> callsLag() {
        Matcher matcher = CALLS_LAG.matcher(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.results()
                .map(result -> Double.parseDouble(result.group(1)))
                .toList();
    }

    private static double metric(String name) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
