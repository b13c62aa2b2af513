package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.gateway.jwt.JwtState;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import io.keygate.gateway.testdata.TestSigningKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateApplierTest {

    private final TokenIndex tokens = new TokenIndex();
    private final RouteTable routes = new RouteTable();
    private final JwtState jwt = new JwtState(Clock.systemUTC());
    private final StateApplier applier = new StateApplier(
            tokens, routes, new SubscriptionIndex(), new io.keygate.gateway.ip.IpRuleIndex(), new PlanIndex(), jwt);

    private static EventEnvelope<KeygateEvent> at(long sequence, KeygateEvent event) {
        return EventEnvelope.create("/test", sequence, Instant.now(), null, null, event);
    }

    @Test
    void revocationDeliveredBeforeAReplayedIssueStaysRevoked() {
        ApiKeyState issued = anApiKey().build();
        ApiKeyState revoked = ApiKeyBuilder.from(issued).revoked("leaked").build();

        assertThat(applier.apply(at(1, new ApiKeyIssued(issued)))).isEqualTo(ApplyResult.APPLIED);
        assertThat(applier.apply(at(2, new ApiKeyRevoked(revoked, "leaked")))).isEqualTo(ApplyResult.APPLIED);
        assertThat(applier.apply(at(1, new ApiKeyIssued(issued)))).isEqualTo(ApplyResult.STALE);

        assertThat(tokens.find(issued.keyHash()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void routeIsServedAfterCommit() {
        applier.apply(at(
                1,
                new RouteDefined(aRoute().withRouteId("r").onPrefix("/orders").build())));
        applier.commit();

        assertThat(routes.match("api.test", "GET", "/orders/1").routeId()).isEqualTo("r");
    }

    @Test
    void signingKeyAccessTokenAndClientEventsReachTheJwtState() {
        TestSigningKey key = TestSigningKey.generate();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        OAuthClientState client = new OAuthClientState(
                "kgc_1", "acme", "app_1", "c", "kgcs_…", "hash", List.of(), OAuthClientStatus.REVOKED, at, at);

        assertThat(applier.apply(at(1, new SigningKeyPublished(key.published()))))
                .isEqualTo(ApplyResult.APPLIED);
        assertThat(applier.apply(at(
                        1,
                        new AccessTokenRevoked(
                                "jti-1", "acme", "kgc_1", Instant.now().plusSeconds(600), at))))
                .isEqualTo(ApplyResult.APPLIED);
        assertThat(applier.apply(at(2, new OAuthClientRevoked(client)))).isEqualTo(ApplyResult.APPLIED);

        assertThat(jwt.signingKeys().find(key.keyId())).isNotNull();
        assertThat(jwt.revokedTokens().isRevoked("jti-1")).isTrue();
        assertThat(jwt.clients().isRevoked("kgc_1")).isTrue();

        assertThat(applier.apply(at(2, new SigningKeyRetired(key.retired())))).isEqualTo(ApplyResult.APPLIED);
        assertThat(jwt.signingKeys().find(key.keyId())).isNull();
    }

    @Test
    void callRecordsAreNotState() {
        CallRecorded call = new CallRecorded(
                "req",
                "gw",
                null,
                null,
                null,
                null,
                "GET",
                "/",
                404,
                CallOutcome.NO_ROUTE,
                1,
                0,
                0,
                null,
                Instant.now());

        assertThat(applier.apply(at(0, call))).isEqualTo(ApplyResult.IGNORED);
    }
}
