package io.keygate.analytics.live.rest;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.TestSessions;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class LiveResourceQuarkusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/live/counters")
    URL live;

    @Test
    void theStreamShowsTheCallsOfTheCurrentSecondsOfItsTenant() throws Exception {
        String tenant = uniqueTenant();
        Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(live + "?tenantId=" + tenant))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + TestSessions.member(tenant, "viewer"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));

        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            for (int i = 0; i < 7; i++) {
                producer.send(envelope(call(tenant, uniqueKey(), second.plusMillis(i), i < 2 ? 503 : 200, 5, 50)));
            }
        }

        // Events come each second; wait (with a deadline) for one that shows the seven calls in their second.
        CompletableFuture<JsonNode> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        for (JsonNode s : JSON.readTree(line.substring(5)).path("seconds")) {
                            if (s.path("second").asText().equals(second.toString())
                                    && s.path("calls").asLong() == 7) {
                                return s;
                            }
                        }
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode counters = found.get(60, TimeUnit.SECONDS);
        assertThat(counters.path("errors").asLong()).isEqualTo(2);
        assertThat(counters.path("bytesIn").asLong()).isEqualTo(35);
        assertThat(counters.path("bytesOut").asLong()).isEqualTo(350);
    }

    @Test
    void theTenantIsRequired() {
        given().accept("text/event-stream")
                .get("/live/counters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
    }
}
