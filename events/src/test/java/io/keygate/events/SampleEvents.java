package io.keygate.events;

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
import java.util.Map;

/** One fully populated and one minimal sample per event type, for the contract tests. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");
    static final String HASH = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

    private SampleEvents() {}

    static Map<EventType, List<KeygateEvent>> all() {
        ApiKeyState active = new ApiKeyState("key_01", "acme", "ci key", "kg_live_AbCd…wXyZ", HASH,
                List.of("orders:read", "orders:write"), ApiKeyStatus.ACTIVE, T0, T0.plusSeconds(86_400), null, null);
        ApiKeyState minimal = new ApiKeyState("key_02", "acme", null, "kg_test_AbCd…wXyZ", HASH,
                null, ApiKeyStatus.ACTIVE, T0, null, null, null);
        ApiKeyState revoked = new ApiKeyState("key_01", "acme", "ci key", "kg_live_AbCd…wXyZ", HASH,
                List.of("orders:read"), ApiKeyStatus.REVOKED, T0, null, T0.plusSeconds(60), "leaked in a log");
        RouteState route = new RouteState("rt_01", "acme", "orders", "/orders", "http://orders.internal:8080/v1", 3, T0);
        return Map.of(
                EventType.API_KEY_ISSUED, List.of(new ApiKeyIssued(active), new ApiKeyIssued(minimal)),
                EventType.API_KEY_REVOKED, List.of(new ApiKeyRevoked(revoked, "leaked in a log"), new ApiKeyRevoked(revoked, null)),
                EventType.ROUTE_DEFINED, List.of(new RouteDefined(route),
                        new RouteDefined(new RouteState("rt_02", "acme", null, "/", "https://example.org", 1, T0))),
                EventType.CALL_RECORDED, List.of(
                        new CallRecorded("req-1", "gw-1", "acme", "rt_01", "key_01", "GET", "/orders/42", 200,
                                CallOutcome.PROXIED, 1_250, 0, 512, "203.0.113.7", T0),
                        new CallRecorded("req-2", null, null, null, null, "POST", "/nowhere", 404,
                                CallOutcome.NO_ROUTE, 40, 12, 0, null, T0),
                        new CallRecorded("req-3", "gw-1", null, null, null, "GET", "/orders", 503,
                                CallOutcome.NOT_READY, 15, 0, 180, "198.51.100.4", T0)));
    }
}
