package io.keygate.audit.event;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders of realistic events for tests, one per event type of the contract. */
public final class SampleEvents {

    private SampleEvents() {}

    /** A tenant id no other test uses. */
    public static String uniqueTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static EventEnvelope<KeygateEvent> issued(String tenant, String keyId, Instant at) {
        return envelope("/token-service", 1, at, new ApiKeyIssued(key(tenant, keyId, ApiKeyStatus.ACTIVE, at, null)));
    }

    public static EventEnvelope<KeygateEvent> revoked(String tenant, String keyId, Instant at) {
        return envelope(
                "/token-service",
                2,
                at,
                new ApiKeyRevoked(key(tenant, keyId, ApiKeyStatus.REVOKED, at.minusSeconds(60), at), "leaked"));
    }

    public static EventEnvelope<KeygateEvent> routeDefined(String tenant, String routeId, Instant at) {
        return envelope(
                "/policy-service",
                1,
                at,
                new RouteDefined(new RouteState(
                        routeId,
                        tenant,
                        "api_0123456789abcdef0123456789abcdef",
                        "orders",
                        RouteState.ANY_HOST,
                        "/orders",
                        java.util.List.of(),
                        java.util.List.of(new io.keygate.events.policy.RouteTarget("http://127.0.0.1:9000", 1)),
                        null,
                        false,
                        5_000,
                        30_000,
                        0,
                        java.util.List.of(),
                        java.util.List.of(io.keygate.events.policy.CredentialKind.API_KEY),
                        1_048_576,
                        null,
                        io.keygate.events.policy.RouteStatus.ACTIVE,
                        1,
                        at)));
    }

    public static EventEnvelope<KeygateEvent> call(String tenant, String keyId, Instant at, int status) {
        return envelope(
                "/edge-gateway",
                0,
                at,
                new CallRecorded(
                        "req-" + UUID.randomUUID(),
                        "gw-1",
                        tenant,
                        "rt_1",
                        keyId,
                        null,
                        "GET",
                        "/orders/42",
                        status,
                        CallOutcome.PROXIED,
                        1200,
                        0,
                        512,
                        "127.0.0.1",
                        at));
    }

    private static ApiKeyState key(
            String tenant, String keyId, ApiKeyStatus status, Instant createdAt, Instant revokedAt) {
        return new ApiKeyState(
                keyId,
                tenant,
                "ci key",
                "kg_test_AbCd…wXyZ",
                "hash-" + keyId,
                List.of("orders:read"),
                status,
                createdAt,
                null,
                revokedAt,
                revokedAt == null ? null : "leaked");
    }

    private static EventEnvelope<KeygateEvent> envelope(String source, long sequence, Instant at, KeygateEvent data) {
        return EventEnvelope.create(source, sequence, at, "corr-" + UUID.randomUUID(), null, data);
    }
}
