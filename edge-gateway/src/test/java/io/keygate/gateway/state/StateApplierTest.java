package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateApplierTest {

    private final TokenIndex tokens = new TokenIndex();
    private final RouteTable routes = new RouteTable();
    private final StateApplier applier = new StateApplier(
            tokens, routes, new SubscriptionIndex(), new io.keygate.gateway.ip.IpRuleIndex(), new PlanIndex());

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
    void callRecordsAreNotState() {
        CallRecorded call = new CallRecorded(
                "req", "gw", null, null, null, "GET", "/", 404, CallOutcome.NO_ROUTE, 1, 0, 0, null, Instant.now());

        assertThat(applier.apply(at(0, call))).isEqualTo(ApplyResult.IGNORED);
    }
}
