package io.keygate.events;

import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationDeleted;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.events.application.ApplicationUpdated;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleExpired;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyRotated;
import io.keygate.events.token.ApiKeyRotationCompleted;
import io.keygate.events.token.ApiKeyRotationDue;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One fully populated and one minimal sample per event type, for the contract tests. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");
    static final String HASH = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    static final String OLD_HASH = "Z1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1-";
    static final String APP = "app_0123456789abcdef0123456789abcdef";

    private SampleEvents() {}

    static Map<EventType, List<KeygateEvent>> all() {
        ApiKeyState active = new ApiKeyState(
                "key_01",
                "acme",
                "ci key",
                "kg_live_AbCd…wXyZ",
                HASH,
                List.of("orders:read", "orders:write"),
                ApiKeyStatus.ACTIVE,
                T0,
                T0.plusSeconds(86_400),
                null,
                null);
        ApiKeyState minimal = new ApiKeyState(
                "key_02", "acme", null, "kg_test_AbCd…wXyZ", HASH, null, ApiKeyStatus.ACTIVE, T0, null, null, null);
        ApiKeyState revoked = new ApiKeyState(
                "key_01",
                "acme",
                "ci key",
                "kg_live_AbCd…wXyZ",
                HASH,
                List.of("orders:read"),
                ApiKeyStatus.REVOKED,
                T0,
                null,
                T0.plusSeconds(60),
                "leaked in a log");
        ApiKeyState full = new ApiKeyState(
                "key_03",
                "acme",
                "partner key",
                "kg_live_AbCd…wXyZ",
                HASH,
                List.of("orders:read"),
                ApiKeyStatus.ACTIVE,
                T0,
                T0.plusSeconds(86_400),
                null,
                null,
                "for the partner's nightly sync",
                APP,
                List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"),
                new RateLimit(100, RateLimitPeriod.MINUTE),
                new Quota(10_000, QuotaRefill.MONTH),
                Map.of("team", "billing", "ticket", 4711, "tags", List.of("a", "b")),
                null,
                null);
        ApiKeyState rotated = new ApiKeyState(
                "key_03",
                "acme",
                "partner key",
                "kg_live_EfGh…wXyZ",
                HASH,
                List.of("orders:read"),
                ApiKeyStatus.ACTIVE,
                T0,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                new Quota(5, null),
                null,
                OLD_HASH,
                T0.plusSeconds(86_400));
        ApiKeyState rotatedWithoutGrace = new ApiKeyState(
                "key_04", "acme", null, "kg_test_EfGh…wXyZ", HASH, null, ApiKeyStatus.ACTIVE, T0, null, null, null);
        ApiKeyState expired = new ApiKeyState(
                "key_05",
                "acme",
                "ci key",
                "kg_live_AbCd…wXyZ",
                HASH,
                List.of(),
                ApiKeyStatus.EXPIRED,
                T0,
                T0.plusSeconds(60),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                OLD_HASH,
                T0.plusSeconds(30));
        RouteState route =
                new RouteState("rt_01", "acme", "orders", "/orders", "http://orders.internal:8080/v1", 3, T0);
        Map<EventType, List<KeygateEvent>> all = new HashMap<>(Map.ofEntries(
                Map.entry(
                        EventType.API_KEY_UPDATED,
                        List.of(
                                new ApiKeyUpdated(
                                        full, List.of("description", "ipAllowList", "rateLimit", "quota", "metadata")),
                                new ApiKeyUpdated(minimal, List.of("name")))),
                Map.entry(
                        EventType.API_KEY_ROTATED,
                        List.of(new ApiKeyRotated(rotated), new ApiKeyRotated(rotatedWithoutGrace))),
                Map.entry(
                        EventType.API_KEY_ROTATION_COMPLETED,
                        List.of(new ApiKeyRotationCompleted(full), new ApiKeyRotationCompleted(minimal))),
                Map.entry(
                        EventType.API_KEY_EXPIRED,
                        List.of(
                                new ApiKeyExpired(expired),
                                new ApiKeyExpired(new ApiKeyState(
                                        "key_06",
                                        "acme",
                                        null,
                                        "kg_test_AbCd…wXyZ",
                                        HASH,
                                        null,
                                        ApiKeyStatus.EXPIRED,
                                        T0,
                                        T0.plusSeconds(1),
                                        null,
                                        null)))),
                Map.entry(
                        EventType.API_KEY_ISSUED,
                        List.of(new ApiKeyIssued(active), new ApiKeyIssued(minimal), new ApiKeyIssued(full))),
                Map.entry(
                        EventType.API_KEY_REVOKED,
                        List.of(new ApiKeyRevoked(revoked, "leaked in a log"), new ApiKeyRevoked(revoked, null))),
                Map.entry(
                        EventType.ROUTE_DEFINED,
                        List.of(
                                new RouteDefined(route),
                                new RouteDefined(
                                        new RouteState("rt_02", "acme", null, "/", "https://example.org", 1, T0)))),
                Map.entry(
                        EventType.CALL_RECORDED,
                        List.of(
                                new CallRecorded(
                                        "req-1",
                                        "gw-1",
                                        "acme",
                                        "rt_01",
                                        "key_01",
                                        "GET",
                                        "/orders/42",
                                        200,
                                        CallOutcome.PROXIED,
                                        1_250,
                                        0,
                                        512,
                                        "203.0.113.7",
                                        T0),
                                new CallRecorded(
                                        "req-2",
                                        null,
                                        null,
                                        null,
                                        null,
                                        "POST",
                                        "/nowhere",
                                        404,
                                        CallOutcome.NO_ROUTE,
                                        40,
                                        12,
                                        0,
                                        null,
                                        T0),
                                new CallRecorded(
                                        "req-3",
                                        "gw-1",
                                        null,
                                        null,
                                        null,
                                        "GET",
                                        "/orders",
                                        503,
                                        CallOutcome.NOT_READY,
                                        15,
                                        0,
                                        180,
                                        "198.51.100.4",
                                        T0)))));
        all.putAll(oauthSamples());
        all.putAll(applicationSamples());
        all.putAll(policySamples());
        all.put(
                EventType.API_KEY_ROTATION_DUE,
                List.of(new ApiKeyRotationDue(
                        new ApiKeyState(
                                        "key_07",
                                        "acme",
                                        "old key",
                                        "kg_live_AbCd…wXyZ",
                                        HASH,
                                        List.of(),
                                        ApiKeyStatus.ACTIVE,
                                        T0,
                                        null,
                                        null,
                                        null)
                                .withNewSecret("kg_live_AbCd…wXyZ", HASH, null, null, T0)
                                .withRotationDueNotifiedAt(T0.plusSeconds(60)),
                        T0.plus(Duration.ofDays(90)))));
        return all;
    }

    private static Map<EventType, List<KeygateEvent>> policySamples() {
        String ruleId = "ipr_0123456789abcdef0123456789abcdef";
        IpRuleState global = new IpRuleState(
                ruleId,
                IpRuleScope.GLOBAL,
                null,
                IpRuleAction.DENY,
                "198.51.100.0/24",
                "abuse",
                null,
                IpRuleStatus.ACTIVE,
                T0,
                T0,
                1);
        IpRuleState tenant = new IpRuleState(
                ruleId,
                IpRuleScope.TENANT,
                "acme",
                IpRuleAction.ALLOW,
                "2001:db8::/32",
                "office",
                T0.plusSeconds(3600),
                IpRuleStatus.ACTIVE,
                T0,
                T0,
                1);
        TokenPolicyState strict = new TokenPolicyState(
                "acme", Duration.ofDays(90), true, Duration.ofDays(180), 14, true, List.of("203.0.113.0/24"), 3, T0);
        TokenPolicyState lax = new TokenPolicyState("acme", null, false, null, 0, false, List.of(), 1, T0);
        return Map.of(
                EventType.IP_RULE_CREATED, List.of(new IpRuleCreated(global), new IpRuleCreated(tenant)),
                EventType.IP_RULE_DELETED,
                        List.of(new IpRuleDeleted(global.withStatus(IpRuleStatus.DELETED, T0.plusSeconds(5), 2))),
                EventType.IP_RULE_EXPIRED,
                        List.of(new IpRuleExpired(tenant.withStatus(IpRuleStatus.EXPIRED, T0.plusSeconds(3600), 2))),
                EventType.TOKEN_POLICY_SET, List.of(new TokenPolicySet(strict), new TokenPolicySet(lax)));
    }

    private static Map<EventType, List<KeygateEvent>> applicationSamples() {
        ApplicationState full = new ApplicationState(
                APP,
                "acme",
                "Partner portal",
                "Orders sync for the partner",
                "platform-team@example.com",
                ApplicationStatus.ACTIVE,
                T0,
                T0.plusSeconds(60),
                null);
        ApplicationState minimal =
                new ApplicationState(APP, "acme", "p", null, null, ApplicationStatus.ACTIVE, T0, T0, null);
        ApplicationState deleted = new ApplicationState(
                APP,
                "acme",
                "Partner portal",
                null,
                null,
                ApplicationStatus.DELETED,
                T0,
                T0.plusSeconds(120),
                T0.plusSeconds(120));
        return Map.of(
                EventType.APPLICATION_CREATED, List.of(new ApplicationCreated(full), new ApplicationCreated(minimal)),
                EventType.APPLICATION_UPDATED,
                        List.of(
                                new ApplicationUpdated(full, List.of("name", "description", "contactEmail")),
                                new ApplicationUpdated(minimal, List.of("description"))),
                EventType.APPLICATION_DELETED, List.of(new ApplicationDeleted(deleted)));
    }

    // OAuth2 clients and token-signing keys (issue 3, OAuth side)
    private static Map<EventType, List<KeygateEvent>> oauthSamples() {
        OAuthClientState client = new OAuthClientState(
                "kgc_0123456789abcdef0123456789abcdef",
                "acme",
                "billing",
                "billing batch",
                "kgcs_AbCd…wXyZ",
                HASH,
                List.of("orders:read"),
                OAuthClientStatus.ACTIVE,
                T0,
                null);
        OAuthClientState minimalClient = new OAuthClientState(
                "kgc_1", "acme", "app-1", null, "kgcs_AbCd…wXyZ", HASH, null, OAuthClientStatus.ACTIVE, T0, null);
        OAuthClientState revokedClient = new OAuthClientState(
                "kgc_1",
                "acme",
                "app-1",
                "x",
                "kgcs_AbCd…wXyZ",
                HASH,
                List.of(),
                OAuthClientStatus.REVOKED,
                T0,
                T0.plusSeconds(60));
        PublicJwk jwk = new PublicJwk(
                "RSA", "sk_01", "sig", "RS256", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4", "AQAB");
        return Map.of(
                EventType.OAUTH_CLIENT_REGISTERED,
                        List.of(new OAuthClientRegistered(client), new OAuthClientRegistered(minimalClient)),
                EventType.OAUTH_CLIENT_REVOKED, List.of(new OAuthClientRevoked(revokedClient)),
                EventType.ACCESS_TOKEN_REVOKED,
                        List.of(new AccessTokenRevoked(
                                "01a2262b-e3a9-7008-b309-1e35ffdd2a0e",
                                "acme",
                                "kgc_1",
                                T0.plusSeconds(900),
                                T0.plusSeconds(60))),
                EventType.SIGNING_KEY_PUBLISHED,
                        List.of(new SigningKeyPublished(
                                new SigningKeyState("sk_01", jwk, SigningKeyStatus.PUBLISHED, T0, null))),
                EventType.SIGNING_KEY_RETIRED,
                        List.of(new SigningKeyRetired(new SigningKeyState(
                                "sk_01", jwk, SigningKeyStatus.RETIRED, T0, T0.plusSeconds(7200)))));
    }
}
