package io.keygate.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.EventCodec;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.CorsPolicy;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.CallRecordReader;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.RoutedTenant;
import io.keygate.gateway.support.StateEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CORS answered at the gateway, and the limits on request bodies and headers. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class CorsAndLimitsQuarkusTest {

    private static final Duration EVENT_APPLIED = Duration.ofSeconds(10);
    private static final String APP = "https://app.example.com";
    private static final CorsPolicy CORS =
            new CorsPolicy(List.of(APP), List.of("GET", "PUT"), List.of("X-API-Key", "Content-Type"), true, 600);

    private static EchoUpstream upstream;
    private static StateEvents events;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @BeforeAll
    static void startUpstream() {
        upstream = EchoUpstream.start();
        events = StateEvents.connect();
    }

    @AfterAll
    static void stopUpstream() {
        events.close();
        upstream.close();
    }

    @BeforeEach
    void awaitStateCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
    }

    private RequestSpecification proxyRequest() {
        return given().baseUri("http://127.0.0.1").port(proxy.port());
    }

    private Response preflight(RoutedTenant tenant, String origin, String method) {
        return proxyRequest()
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "x-api-key")
                .options(tenant.prefix() + "/orders");
    }

    private RoutedTenant corsTenant() {
        RoutedTenant tenant = RoutedTenant.publish(
                events, hasher, route -> route.toUpstream(upstream.url()).withCors(CORS));
        await().atMost(EVENT_APPLIED)
                .until(
                        () -> proxyRequest()
                                .header("X-API-Key", tenant.secret())
                                .get(tenant.prefix())
                                .statusCode(),
                        status -> status == 200);
        return tenant;
    }

    @Test
    void anAllowedPreflightIsAnsweredAtTheGatewayWithoutACredential() {
        RoutedTenant tenant = corsTenant();

        Response response = preflight(tenant, APP, "PUT");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, PUT");
        assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("X-API-Key, Content-Type");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(response.headers().getValues("Vary")).contains("Origin");
        assertThat(response.header("X-Upstream")).isNull();
    }

    @Test
    void aPreflightFromAnOriginNotAllowedIsRefusedWithProblemJson() {
        RoutedTenant tenant = corsTenant();

        Response response = preflight(tenant, "https://evil.example.com", "PUT");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).endsWith("/cors-not-allowed");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void preflightsAreRecordedWithTheirOwnOutcomes() {
        RoutedTenant tenant = corsTenant();
        String allowed = "preflight-" + UUID.randomUUID();
        String refused = "preflight-" + UUID.randomUUID();

        proxyRequest()
                .header("X-Request-Id", allowed)
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "GET")
                .options(tenant.prefix());
        proxyRequest()
                .header("X-Request-Id", refused)
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options(tenant.prefix());

        try (CallRecordReader calls = CallRecordReader.fromBeginning()) {
            assertThat(recorded(calls, allowed).outcome()).isEqualTo(CallOutcome.CORS_PREFLIGHT);
            assertThat(recorded(calls, allowed).routeId())
                    .isEqualTo(tenant.route().routeId());
            assertThat(recorded(calls, refused).outcome()).isEqualTo(CallOutcome.CORS_REFUSED);
            assertThat(recorded(calls, refused).status()).isEqualTo(403);
        }
    }

    private static CallRecorded recorded(CallRecordReader calls, String requestId) {
        return (CallRecorded) new EventCodec()
                .fromCloudEvent(await().atMost(EVENT_APPLIED)
                        .until(() -> calls.find(requestId), found -> found.isPresent())
                        .orElseThrow()
                        .value())
                .data();
    }

    @Test
    void aPreflightForAMethodNotAllowedIsRefused() {
        RoutedTenant tenant = corsTenant();

        assertThat(preflight(tenant, APP, "DELETE").statusCode()).isEqualTo(403);
    }

    @Test
    void aProxiedAnswerToAnAllowedOriginCarriesTheCorsHeaders() {
        RoutedTenant tenant = corsTenant();

        Response allowed = proxyRequest()
                .header("X-API-Key", tenant.secret())
                .header("Origin", APP)
                .get(tenant.prefix());
        Response foreign = proxyRequest()
                .header("X-API-Key", tenant.secret())
                .header("Origin", "https://evil.example.com")
                .get(tenant.prefix());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(allowed.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
        assertThat(allowed.headers().getValues("Vary")).contains("Origin");
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aRefusalOnACorsRouteIsReadableByAnAllowedOrigin() {
        RoutedTenant tenant = corsTenant();

        Response refused = proxyRequest().header("Origin", APP).get(tenant.prefix());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void aChunkedBodyGrowingPastTheRouteLimitIsCutOffWith413AndTheConnectionClosed() throws IOException {
        RoutedTenant tenant = RoutedTenant.publish(
                events, hasher, route -> route.toUpstream(upstream.url()).withMaxBodyBytes(1_024));
        await().atMost(EVENT_APPLIED)
                .until(
                        () -> proxyRequest()
                                .header("X-API-Key", tenant.secret())
                                .get(tenant.prefix())
                                .statusCode(),
                        status -> status == 200);
        String chunk = "x".repeat(512);

        String answer;
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + tenant.prefix() + " HTTP/1.1\r\nHost: api.test\r\nX-API-Key: " + tenant.secret()
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 3; i++) {
                out.write(("200\r\n" + chunk + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertThat(answer).startsWith("HTTP/1.1 413").contains("body-too-large");
        assertThat(answer.toLowerCase()).contains("connection: close");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsProxied() {
        RoutedTenant tenant = RoutedTenant.publish(
                events, hasher, route -> route.toUpstream(upstream.url()).withMaxBodyBytes(1_024));
        await().atMost(EVENT_APPLIED)
                .until(
                        () -> proxyRequest()
                                .header("X-API-Key", tenant.secret())
                                .get(tenant.prefix())
                                .statusCode(),
                        status -> status == 200);

        Response response = proxyRequest()
                .header("X-API-Key", tenant.secret())
                .body(new java.io.ByteArrayInputStream("y".repeat(1_000).getBytes(StandardCharsets.US_ASCII)))
                .post(tenant.prefix());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getInt("bodyLength")).isEqualTo(1_000);
    }

    @Test
    void anOversizedHeaderSectionIsRefusedWith431ProblemJson() {
        Response response =
                proxyRequest().header("X-Padding", "p".repeat(16_384)).get("/anything");

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).endsWith("/headers-too-large");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anOverlongRequestLineIsRefusedWith414ProblemJson() {
        Response response = proxyRequest().get("/" + "a".repeat(8_192));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.jsonPath().getString("type")).endsWith("/uri-too-long");
    }
}
