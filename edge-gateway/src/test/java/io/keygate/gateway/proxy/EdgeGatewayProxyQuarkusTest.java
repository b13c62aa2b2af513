package io.keygate.gateway.proxy;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscription;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.ScopeRequirement;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.kafka.KafkaClientProperties;
import io.keygate.gateway.state.ConsumerPhase;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.state.StateProgress;
import io.keygate.gateway.support.CallRecordReader;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.StateEvents;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import io.keygate.gateway.testdata.RouteBuilder;
import io.keygate.testkit.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class EdgeGatewayProxyQuarkusTest {

    private static final Duration EVENT_APPLIED = Duration.ofSeconds(10);
    private static final String PROBLEM_JSON = "application/problem+json";

    private static EchoUpstream upstream;
    private static StateEvents events;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @Inject
    KafkaClientProperties kafka;

    /** A tenant with one route to the echo upstream and one usable key. */
    private record Tenant(String id, String prefix, RouteState route, String secret, ApiKeyState key) {}

    @BeforeAll
    static void startUpstreamAndProducer() {
        upstream = EchoUpstream.start();
        events = StateEvents.connect();
    }

    @AfterAll
    static void stopUpstreamAndProducer() {
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

    private Tenant tenantWithRouteAndKey() {
        return tenantWithRouteAndKey(UnaryOperator.identity(), prefix -> List.of());
    }

    /** A tenant whose route has the scope requirements {@code requirements} makes of its prefix. */
    private Tenant tenantWithRouteAndKey(
            UnaryOperator<RouteBuilder> route, Function<String, List<ScopeRequirement>> requirements) {
        String tenant = "tenant-" + UUID.randomUUID();
        String prefix = "/" + tenant + "/orders";
        return tenantWithRouteAndKey(
                tenant,
                prefix,
                route.apply(aRoute().ofTenant(tenant)
                                .onPrefix(prefix)
                                .toUpstream(upstream.url())
                                .requiring(requirements.apply(prefix).toArray(ScopeRequirement[]::new)))
                        .build());
    }

    private Tenant tenantWithRouteAndKey(String tenant, String prefix, RouteState route) {
        events.publish(1, new RouteDefined(route));
        String secret = "kg_test_" + UUID.randomUUID();
        ApiKeyState key =
                anApiKey().ofTenant(tenant).withHash(hasher.hash(secret)).build();
        events.publish(1, new ApiKeyIssued(key));
        events.publish(
                2,
                new SubscriptionApproved(
                        aSubscription(key, route.apiId(), tenant).build()));
        return new Tenant(tenant, prefix, route, secret, key);
    }

    /** GET through the proxy with headers given as name, value, name, value… */
    private Response get(String path, String... headers) {
        RequestSpecification request = proxyRequest();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.get(path);
    }

    /** GETs until the answer has {@code status}: events are applied asynchronously. */
    private Response awaitStatus(int status, String path, String... headers) {
        return await().atMost(EVENT_APPLIED)
                .until(() -> get(path, headers), response -> response.statusCode() == status);
    }

    @Test
    void knownKeyIsProxiedWithoutItsCredentialAndWithTheGatewayHeaders() {
        Tenant tenant = tenantWithRouteAndKey();

        Response response = awaitStatus(
                200, tenant.prefix() + "/42?expand=items", "X-API-Key", tenant.secret(), "X-Keygate-Tenant", "spoofed");

        JsonPath echo = response.jsonPath();
        Map<String, String> seen = echo.getMap("headers");
        assertThat(echo.getString("uri")).isEqualTo(tenant.prefix() + "/42?expand=items");
        assertThat(seen).doesNotContainKeys("x-api-key", "authorization");
        assertThat(seen).containsEntry("x-request-id", response.header("X-Request-Id"));
        assertThat(seen).containsEntry("x-keygate-tenant", tenant.id());
        assertThat(seen).containsEntry("x-keygate-key-id", tenant.key().keyId());
        assertThat(seen).containsEntry("x-keygate-application-id", tenant.key().applicationId());
        assertThat(seen).containsEntry("x-forwarded-for", "127.0.0.1");
        assertThat(seen).containsEntry("x-forwarded-proto", "http");
        assertThat(seen).containsKey("x-forwarded-host");
        assertThat(response.header("X-Upstream")).isEqualTo("echo");
    }

    @Test
    void hopByHopAndSpoofedForwardingHeadersAreNotForwarded() {
        Tenant tenant = tenantWithRouteAndKey();

        Response response = awaitStatus(
                200,
                tenant.prefix(),
                "X-API-Key",
                tenant.secret(),
                "Connection",
                "keep-alive, X-Client-Hop",
                "X-Client-Hop",
                "1",
                "Proxy-Authorization",
                "Basic c2VjcmV0",
                "Forwarded",
                "for=203.0.113.9",
                "X-Forwarded-For",
                "203.0.113.9",
                "X-Real-IP",
                "203.0.113.9",
                "True-Client-IP",
                "203.0.113.9",
                "X-Original-URL",
                "/admin",
                "X-HTTP-Method-Override",
                "DELETE",
                "X-Custom",
                "kept");

        Map<String, String> seen = response.jsonPath().getMap("headers");
        assertThat(seen)
                .doesNotContainKeys(
                        "x-client-hop",
                        "proxy-authorization",
                        "forwarded",
                        "x-real-ip",
                        "true-client-ip",
                        "x-original-url",
                        "x-http-method-override");
        assertThat(seen).containsEntry("x-forwarded-for", "127.0.0.1");
        assertThat(seen).containsEntry("x-custom", "kept");
    }

    @Test
    void bearerTokenIsAcceptedAndNotForwarded() {
        Tenant tenant = tenantWithRouteAndKey();

        Response response = awaitStatus(200, tenant.prefix(), "Authorization", "Bearer " + tenant.secret());

        assertThat(response.jsonPath().getMap("headers")).doesNotContainKeys("authorization", "x-api-key");
    }

    @Test
    void saneClientRequestIdIsKeptUpstreamAndReturned() {
        Tenant tenant = tenantWithRouteAndKey();
        String requestId = "client-" + UUID.randomUUID();

        Response response = awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret(), "X-Request-Id", requestId);

        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(requestId);
    }

    @Test
    void requestBodyIsStreamedToTheUpstream() {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());
        String body = "x".repeat(256 * 1024);

        proxyRequest()
                .header("X-API-Key", tenant.secret())
                .contentType("text/plain")
                .body(body)
                .post(tenant.prefix() + "/upload")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(body.length()));
    }

    @Test
    void unknownKeyIsRefusedWithProblemJson() {
        Tenant tenant = tenantWithRouteAndKey();

        Response response = awaitStatus(401, tenant.prefix(), "X-API-Key", "kg_test_never_issued");

        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(401);
        assertThat(response.jsonPath().getString("type")).endsWith("/invalid-credential");
        assertThat(response.jsonPath().getString("instance")).isEqualTo(tenant.prefix());
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void missingCredentialIsRefusedWith401() {
        Tenant tenant = tenantWithRouteAndKey();

        Response response = awaitStatus(401, tenant.prefix());

        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("type")).endsWith("/missing-credential");
    }

    @Test
    void revokedKeyIsRefusedWithinSecondsWithTheUnknownKeyProblem() {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());

        events.publish(
                2,
                new ApiKeyRevoked(
                        ApiKeyBuilder.from(tenant.key()).revoked("leaked").build(), "leaked"));

        Response revoked = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> get(tenant.prefix(), "X-API-Key", tenant.secret()),
                        response -> response.statusCode() == 401);
        Response unknown = get(tenant.prefix(), "X-API-Key", "kg_test_never_issued");
        assertSameProblem(revoked, unknown);
    }

    @Test
    void expiredKeyIsRefusedWithTheUnknownKeyProblem() {
        Tenant tenant = tenantWithRouteAndKey();
        String secret = "kg_test_" + UUID.randomUUID();
        events.publish(
                1,
                new ApiKeyIssued(anApiKey()
                        .ofTenant(tenant.id())
                        .withHash(hasher.hash(secret))
                        .expiringAt(Instant.now().minusSeconds(60))
                        .build()));
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());

        Response expired = awaitStatus(401, tenant.prefix(), "X-API-Key", secret);
        Response unknown = get(tenant.prefix(), "X-API-Key", "kg_test_never_issued");
        assertSameProblem(expired, unknown);
    }

    private static void assertSameProblem(Response actual, Response expected) {
        assertThat(actual.statusCode()).isEqualTo(expected.statusCode());
        for (String field : new String[] {"type", "title", "status", "detail"}) {
            assertThat(actual.jsonPath().getString(field))
                    .as(field)
                    .isEqualTo(expected.jsonPath().getString(field));
        }
    }

    @Test
    void pathWithoutRouteIsRefusedWith404() {
        proxyRequest()
                .header("X-API-Key", "kg_test_whatever")
                .get("/no-route-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", startsWith("https://"))
                .body("status", equalTo(404));
    }

    @Test
    void keyOfAnotherTenantIsForbidden() {
        Tenant owner = tenantWithRouteAndKey();
        Tenant other = tenantWithRouteAndKey();
        awaitStatus(200, other.prefix(), "X-API-Key", other.secret());

        Response response = awaitStatus(403, owner.prefix(), "X-API-Key", other.secret());

        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(403);
    }

    @Test
    void aPendingSubscriptionIsRefusedUntilItsApproval() {
        String tenant = "tenant-" + UUID.randomUUID();
        String prefix = "/" + tenant + "/pending";
        RouteState route = aRoute().ofTenant(tenant)
                .onPrefix(prefix)
                .toUpstream(upstream.url())
                .build();
        events.publish(1, new RouteDefined(route));
        String secret = "kg_test_" + UUID.randomUUID();
        ApiKeyState key =
                anApiKey().ofTenant(tenant).withHash(hasher.hash(secret)).build();
        events.publish(1, new ApiKeyIssued(key));
        SubscriptionState pending = aSubscription(key, route.apiId(), tenant)
                .inStatus(SubscriptionStatus.PENDING)
                .build();
        events.publish(1, new SubscriptionRequested(pending));

        Response refused = awaitStatus(403, prefix, "X-API-Key", secret);
        assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).endsWith("/subscription-required");

        events.publish(
                2,
                new SubscriptionApproved(aSubscription(key, route.apiId(), tenant)
                        .withId(pending.subscriptionId())
                        .build()));
        awaitStatus(200, prefix, "X-API-Key", secret);
    }

    /** Sends raw bytes to the proxy and returns everything it answers until it closes the connection. */
    private String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aRequestWithBothContentLengthAndChunkedEncodingIsRefusedAndTheConnectionClosed() throws IOException {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());

        String answer = raw(
                "POST " + tenant.prefix() + " HTTP/1.1\r\nHost: api.test\r\nX-API-Key: " + tenant.secret()
                        + "\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: api.test\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .doesNotContain("/smuggled")
                .doesNotContain("HTTP/1.1 404");
    }

    @Test
    void hardeningRefusesUnsoundPathsForeignMethodsAndOversizedBodies() throws IOException {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());

        assertThat(raw("GET " + tenant.prefix()
                        + "/..%2Fadmin HTTP/1.1\r\nHost: api.test\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400")
                .contains("malformed-request");
        assertThat(raw("TRACE " + tenant.prefix() + " HTTP/1.1\r\nHost: api.test\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 405")
                .containsIgnoringCase("\r\nallow: DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT\r\n");
        assertThat(raw("GET " + tenant.prefix() + " HTTP/1.1\r\nHost: api.test\r\nHost: evil.test\r\nX-API-Key: "
                        + tenant.secret() + "\r\nConnection: close\r\n\r\n"))
                .as("two Host headers")
                .startsWith("HTTP/1.1 400");
        assertThat(raw("GET " + tenant.prefix() + " HTTP/1.1\r\nHost: evil.test/x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
        assertThat(raw("POST " + tenant.prefix() + " HTTP/1.1\r\nHost: api.test\r\nX-API-Key: " + tenant.secret()
                        + "\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 413")
                .contains("body-too-large");
    }

    @Test
    void aScopeRuleCoversEverySpellingOfItsPathAndTheUpstreamGetsTheCheckedOne() throws IOException {
        Tenant tenant = tenantWithRouteAndKey(
                UnaryOperator.identity(),
                prefix -> List.of(new ScopeRequirement(List.of(), prefix + "/*/refunds", List.of("orders:refund"))));
        awaitStatus(200, tenant.prefix() + "/42/items", "X-API-Key", tenant.secret());
        String key = "\r\nHost: api.test\r\nX-API-Key: " + tenant.secret() + "\r\nConnection: close\r\n\r\n";

        for (String spelling :
                List.of("/42/refunds", "/42/%72efunds", "/%34%32/refunds", "/42/refunds/", "/42/REFUNDS")) {
            assertThat(raw("GET " + tenant.prefix() + spelling + " HTTP/1.1" + key))
                    .as(spelling)
                    .startsWith("HTTP/1.1 403")
                    .contains("insufficient-scope");
        }
        for (String ambiguous : List.of("/42/refunds;x", "/42/x/..;/refunds", "/42//refunds", "/42/refunds%3Bx")) {
            assertThat(raw("GET " + tenant.prefix() + ambiguous + " HTTP/1.1" + key))
                    .as(ambiguous)
                    .startsWith("HTTP/1.1 400")
                    .contains("malformed-request");
        }
        assertThat(raw("GET " + tenant.prefix() + "/42/%69tem%7e HTTP/1.1" + key))
                .startsWith("HTTP/1.1 200")
                .contains("\"uri\":\"" + tenant.prefix() + "/42/item~\"");
    }

    /**
     * Fail-closed readiness: while the state consumer is catching up (here held in that phase by an end offset it has
     * not reached, as after a start on a long topic), readiness is DOWN and every request, a valid key's too, gets 503
     * problem JSON; once caught up, both serve again.
     */
    @Test
    void whileTheStateCatchesUpReadinessIsDownAndEveryRequestGets503() {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());

        StateProgress live = state.progress();
        Map<String, Long> farEnd = new HashMap<>(live.endOffsetsAtStart());
        farEnd.put("keygate.tokens-0", Long.MAX_VALUE);
        // The consumer thread writes back what it read after every poll: publish until the phase holds, then it keeps
        // CATCHING_UP itself (the end offset is never reached).
        await().atMost(EVENT_APPLIED).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (state.progress().phase() == ConsumerPhase.CATCHING_UP) {
                return true;
            }
            state.publish(new StateProgress(ConsumerPhase.CATCHING_UP, farEnd, live.positions(), live.lag()));
            return false;
        });
        try {
            Response refused = get(tenant.prefix(), "X-API-Key", tenant.secret());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
            assertThat(refused.jsonPath().getString("type")).endsWith("/gateway-not-ready");
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'gateway-state' }.data.phase", equalTo("CATCHING_UP"));
        } finally {
            // Until LIVE holds over a few polls: a poll that read the catching-up progress may write it back once.
            await().atMost(EVENT_APPLIED).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (state.isReady()) {
                    return true;
                }
                state.publish(new StateProgress(
                        ConsumerPhase.LIVE,
                        live.endOffsetsAtStart(),
                        state.progress().positions(),
                        0));
                return false;
            });
        }

        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aKeyInTheQueryStringIsRefusedWithAProblemThatSaysToUseAHeader() {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());

        Response refused = proxyRequest()
                .header("X-API-Key", tenant.secret())
                .urlEncodingEnabled(false)
                .get(tenant.prefix() + "?page=1&api_key=" + tenant.secret());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).endsWith("/credential-in-query");
        assertThat(refused.jsonPath().getString("detail")).contains("X-API-Key header");
        assertThat(refused.asString()).doesNotContain(tenant.secret());
    }

    @Test
    void aTenantsDenyRuleRefusesTheClientUntilItIsDeleted() {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());
        IpRuleState deny = new IpRuleState(
                "ipr_" + UUID.randomUUID().toString().replace("-", ""),
                IpRuleScope.TENANT,
                tenant.id(),
                IpRuleAction.DENY,
                "127.0.0.0/8",
                "test",
                null,
                IpRuleStatus.ACTIVE,
                Instant.now(),
                Instant.now(),
                1);
        events.publish(1, new IpRuleCreated(deny));

        Response refused = awaitStatus(403, tenant.prefix(), "X-API-Key", tenant.secret());
        assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).endsWith("/ip-not-allowed");

        events.publish(2, new IpRuleDeleted(deny.withStatus(IpRuleStatus.DELETED, Instant.now(), 2)));
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());
    }

    @Test
    void unreachableUpstreamGives502Problem() throws IOException {
        String tenant = "tenant-" + UUID.randomUUID();
        String prefix = "/" + tenant + "/down";
        RouteState route = aRoute().ofTenant(tenant)
                .onPrefix(prefix)
                .toUpstream("http://127.0.0.1:" + closedPort())
                .build();
        events.publish(1, new RouteDefined(route));
        String secret = "kg_test_" + UUID.randomUUID();
        ApiKeyState key =
                anApiKey().ofTenant(tenant).withHash(hasher.hash(secret)).build();
        events.publish(1, new ApiKeyIssued(key));
        events.publish(
                2,
                new SubscriptionApproved(
                        aSubscription(key, route.apiId(), tenant).build()));

        Response response = awaitStatus(502, prefix, "X-API-Key", secret);

        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("type")).endsWith("/upstream-unavailable");
    }

    /**
     * The records {@link #everyRequestIsRecordedOnTheCallsTopic} reads back travel this way, and are never given up
     * for taking long (Kafka's default delivery timeout would drop them 2 minutes into an outage).
     */
    @Test
    void callRecordsTravelInLargeLz4BatchesAndWaitOutAnOutage() {
        assertThat(kafka.callProducer())
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262144)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    }

    @Test
    void everyRequestIsRecordedOnTheCallsTopic() {
        Tenant tenant = tenantWithRouteAndKey();
        awaitStatus(200, tenant.prefix(), "X-API-Key", tenant.secret());
        String proxied = "proxied-" + UUID.randomUUID();
        String rejected = "rejected-" + UUID.randomUUID();

        proxyRequest()
                .header("X-API-Key", tenant.secret())
                .header("X-Request-Id", proxied)
                .get(tenant.prefix() + "/7")
                .then()
                .statusCode(200);
        proxyRequest()
                .header("X-Request-Id", rejected)
                .get(tenant.prefix() + "/7")
                .then()
                .statusCode(401);

        try (CallRecordReader calls = CallRecordReader.fromBeginning()) {
            ConsumerRecord<String, CloudEvent> record = await().atMost(EVENT_APPLIED)
                    .until(() -> calls.find(proxied), found -> found.isPresent())
                    .orElseThrow();
            CallRecorded call = (CallRecorded)
                    new EventCodec().fromCloudEvent(record.value()).data();
            assertThat(record.key()).isEqualTo(tenant.key().keyId());
            assertThat(record.value().getSource().toString()).isEqualTo("/edge-gateway");
            assertThat(record.value().getExtension("sequence").toString()).isEqualTo("0");
            assertThat(call.outcome()).isEqualTo(CallOutcome.PROXIED);
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.tenantId()).isEqualTo(tenant.id());
            assertThat(call.routeId()).isEqualTo(tenant.route().routeId());
            assertThat(call.keyId()).isEqualTo(tenant.key().keyId());
            assertThat(call.applicationId()).isNotNull().isEqualTo(tenant.key().applicationId());
            assertThat(call.gatewayId()).isNotBlank();
            assertThat(call.path()).isEqualTo(tenant.prefix() + "/7");
            assertThat(call.bytesOut()).isPositive();
            assertThat(call.clientIp()).isEqualTo("127.0.0.1");

            CallRecorded refused = (CallRecorded) new EventCodec()
                    .fromCloudEvent(await().atMost(EVENT_APPLIED)
                            .until(() -> calls.find(rejected), found -> found.isPresent())
                            .orElseThrow()
                            .value())
                    .data();
            assertThat(refused.outcome()).isEqualTo(CallOutcome.MISSING_CREDENTIAL);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.keyId()).isNull();
            assertThat(refused.applicationId()).isNull();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
