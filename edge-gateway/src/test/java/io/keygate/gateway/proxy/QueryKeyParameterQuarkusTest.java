package io.keygate.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.ServedTenant;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway configured to accept API keys from one query parameter (for clients that cannot send headers) reads the
 * key from it, never passes it upstream, and still refuses credentials in any other parameter.
 */
@QuarkusTest
@TestProfile(QueryKeyParameterQuarkusTest.KeysFromApiKeyParameter.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class QueryKeyParameterQuarkusTest {

    /** Keys accepted from {@code ?api_key=}. */
    public static class KeysFromApiKeyParameter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("keygate.gateway.proxy.query-key-parameter", "api_key");
        }
    }

    private static EchoUpstream upstream;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @BeforeAll
    static void startUpstream() {
        upstream = EchoUpstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void aKeyInTheConfiguredParameterIsAcceptedAndTakenOutOfTheUpstreamUrl() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
        ServedTenant tenant;
        try (TestEventPublisher publisher =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            tenant = ServedTenant.publish(publisher, hasher, upstream.url());
        }
        String path = tenant.prefix() + "/items";

        Response accepted = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> get(path + "?page=2&api_key=" + tenant.secret() + "&sort=name"),
                        response -> response.statusCode() == 200);
        assertThat(accepted.jsonPath().getString("uri")).isEqualTo(path + "?page=2&sort=name");

        Response headerKey = given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .urlEncodingEnabled(false)
                .get(path + "?api_key=ignored");
        assertThat(headerKey.statusCode()).isEqualTo(200);
        assertThat(headerKey.jsonPath().getString("uri"))
                .as("the parameter never goes upstream")
                .isEqualTo(path);

        Response otherName = get(path + "?apikey=" + tenant.secret());
        assertThat(otherName.statusCode()).isEqualTo(401);
        assertThat(otherName.jsonPath().getString("type")).endsWith("/credential-in-query");
        assertThat(get(path + "?api_key=").statusCode()).isEqualTo(401);
    }

    private Response get(String pathAndQuery) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .urlEncodingEnabled(false)
                .get(pathAndQuery);
    }
}
