package io.keygate.gateway.proxy;

import static io.keygate.gateway.testdata.AccessTokenBuilder.aToken;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscriptionOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.EventCodec;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.CallRecordReader;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.StateEvents;
import io.keygate.gateway.testdata.AccessTokenBuilder;
import io.keygate.gateway.testdata.TestSigningKey;
import io.keygate.testkit.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWT access tokens through the real proxy, with the state built from events on the testkit's Kafka. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class EdgeGatewayJwtQuarkusTest {

    private static final Duration EVENT_APPLIED = Duration.ofSeconds(10);
    private static final String APPLICATION = "app_orders";

    private static EchoUpstream upstream;
    private static StateEvents events;
    private static TestSigningKey signingKey;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    /** A tenant with a route taking the given credential kinds, its application subscribed to the route's API. */
    private record Tenant(String id, String prefix, RouteState route) {}

    @BeforeAll
    static void startUpstreamAndPublishTheSigningKey() {
        upstream = EchoUpstream.start();
        events = StateEvents.connect();
        signingKey = TestSigningKey.generate();
        events.publish(1, new SigningKeyPublished(signingKey.published()));
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

    private Tenant tenantWithRoute(CredentialKind... kinds) {
        String tenant = "tenant-" + UUID.randomUUID();
        String prefix = "/" + tenant + "/orders";
        RouteState route = aRoute().ofTenant(tenant)
                .onPrefix(prefix)
                .accepting(kinds)
                .toUpstream(upstream.url())
                .build();
        events.publish(1, new RouteDefined(route));
        events.publish(
                1,
                new SubscriptionApproved(aSubscriptionOf(tenant, APPLICATION, route.apiId(), tenant)
                        .build()));
        return new Tenant(tenant, prefix, route);
    }

    private AccessTokenBuilder tokenOf(Tenant tenant) {
        return aToken(signingKey).ofTenant(tenant.id()).ofApplication(APPLICATION);
    }

    private Response get(String path, String token, String requestId) {
        RequestSpecification request = given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId);
        return request.get(path);
    }

    private Response awaitStatus(int status, String path, String token) {
        return await().atMost(EVENT_APPLIED)
                .until(() -> get(path, token, "req-" + UUID.randomUUID()), response -> response.statusCode() == status);
    }

    @Test
    void validTokenIsProxiedAsItsClientAndRefusedOnceItsJtiIsRevoked() {
        Tenant tenant = tenantWithRoute(CredentialKind.JWT);
        AccessTokenBuilder token = tokenOf(tenant);
        String signed = token.sign();

        Response accepted = awaitStatus(200, tenant.prefix() + "/42", signed);

        Map<String, String> seen = accepted.jsonPath().getMap("headers");
        assertThat(seen).doesNotContainKeys("authorization", "x-api-key");
        assertThat(seen).containsEntry("x-keygate-tenant", tenant.id());
        assertThat(seen).containsEntry("x-keygate-application-id", APPLICATION);
        assertThat(seen).containsEntry("x-keygate-key-id", token.clientId());
        CallRecorded recorded = callOf(tenant, signed);
        assertThat(recorded.keyId()).isEqualTo(token.clientId());
        assertThat(recorded.applicationId()).isEqualTo(APPLICATION);

        events.publish(
                1,
                new AccessTokenRevoked(token.jti(), tenant.id(), token.clientId(), token.expiresAt(), Instant.now()));

        Response refused = awaitStatus(401, tenant.prefix() + "/42", signed);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).endsWith("/invalid-credential");
        assertThat(refused.asString()).doesNotContain("revoked");
        assertThat(outcomeOf(tenant, signed)).isEqualTo(CallOutcome.TOKEN_REVOKED);
    }

    @Test
    void forgedTokenGetsTheProblemOfAnUnknownKeyAndItsReasonGoesToTheCallRecord() {
        Tenant tenant = tenantWithRoute(CredentialKind.JWT);
        awaitStatus(200, tenant.prefix(), tokenOf(tenant).sign());
        String forged = tokenOf(tenant).signWithHmacOverThePublicKey();

        Response refused = get(tenant.prefix(), forged, "req-" + UUID.randomUUID());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.jsonPath().getString("type")).endsWith("/invalid-credential");
        assertThat(outcomeOf(tenant, forged)).isEqualTo(CallOutcome.TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void tokenOnARouteForApiKeysOnlyIsRefused() {
        Tenant tenant = tenantWithRoute(CredentialKind.API_KEY);

        Response refused = awaitStatus(401, tenant.prefix(), tokenOf(tenant).sign());

        assertThat(refused.jsonPath().getString("type")).endsWith("/credential-kind-not-accepted");
    }

    /** The outcome in the call record of one more request with {@code token}. */
    private CallOutcome outcomeOf(Tenant tenant, String token) {
        return callOf(tenant, token).outcome();
    }

    /** The call record of one more request with {@code token}. */
    private CallRecorded callOf(Tenant tenant, String token) {
        String requestId = "req-" + UUID.randomUUID();
        get(tenant.prefix(), token, requestId);
        try (CallRecordReader calls = CallRecordReader.fromBeginning()) {
            return (CallRecorded) new EventCodec()
                    .fromCloudEvent(await().atMost(EVENT_APPLIED)
                            .until(() -> calls.find(requestId), found -> found.isPresent())
                            .orElseThrow()
                            .value())
                    .data();
        }
    }
}
