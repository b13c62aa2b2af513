package io.keygate.events;

import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationDeleted;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.events.application.ApplicationUpdated;
import io.keygate.events.audit.AuditCheckpointSigned;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.gateway.AppliedPosition;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.events.policy.AlertPolicySet;
import io.keygate.events.policy.AlertPolicyState;
import io.keygate.events.policy.ApiCreated;
import io.keygate.events.policy.ApiOpenApiUploaded;
import io.keygate.events.policy.ApiRetired;
import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.ApiStatus;
import io.keygate.events.policy.ApiUpdated;
import io.keygate.events.policy.ApiVisibility;
import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleExpired;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import io.keygate.events.policy.OpenApiDocumentRef;
import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanQuota;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.policy.PlanRetired;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.PlanUpdated;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteDeleted;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteStatus;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionCancelled;
import io.keygate.events.policy.SubscriptionRejected;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionResumed;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.policy.SubscriptionSuspended;
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

/**
 * One fully populated and one minimal sample per event type, for the contract tests here and for readers of the
 * events elsewhere (the gateway's fast token-event decoder is checked against the codec on them).
 */
public final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");
    static final String HASH = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    static final String OLD_HASH = "Z1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1-";
    static final String APP = "app_0123456789abcdef0123456789abcdef";
    static final String API = "api_0123456789abcdef0123456789abcdef";
    static final String ROUTE = "rt_0123456789abcdef0123456789abcdef";

    private SampleEvents() {}

    /** The samples of every event type. */
    public static Map<EventType, List<KeygateEvent>> all() {
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
        RouteState route = new RouteState(
                ROUTE,
                "acme",
                API,
                "orders",
                "api.acme.example",
                "/orders",
                List.of("GET", "POST"),
                List.of(
                        new RouteTarget("http://orders.internal:8080/v1", 90),
                        new RouteTarget("http://orders-b:8080", 10)),
                "/health",
                true,
                2_000,
                30_000,
                2,
                List.of(new ScopeRequirement(List.of("POST"), "/orders/**", List.of("orders:write"))),
                List.of(CredentialKind.API_KEY, CredentialKind.JWT),
                1_048_576,
                new CorsPolicy(List.of("https://app.acme.example"), List.of("GET"), List.of("Content-Type"), true, 600),
                RouteStatus.ACTIVE,
                3,
                T0);
        RouteState minimalRoute = new RouteState(
                ROUTE,
                "acme",
                API,
                null,
                RouteState.ANY_HOST,
                "/",
                List.of(),
                List.of(new RouteTarget("https://example.org", 1)),
                null,
                false,
                5_000,
                30_000,
                0,
                List.of(),
                List.of(CredentialKind.API_KEY),
                0,
                null,
                RouteStatus.ACTIVE,
                1,
                T0);
        RouteState deletedRoute = new RouteState(
                ROUTE,
                "acme",
                API,
                null,
                RouteState.ANY_HOST,
                "/",
                List.of(),
                List.of(new RouteTarget("https://example.org", 1)),
                null,
                false,
                5_000,
                30_000,
                0,
                List.of(),
                List.of(CredentialKind.API_KEY),
                0,
                null,
                RouteStatus.DELETED,
                2,
                T0);
        ApiState api = new ApiState(
                API, "acme", "Orders", null, "v1", ApiVisibility.PRIVATE, false, ApiStatus.ACTIVE, null, T0, T0, null);
        ApiState documented = new ApiState(
                API,
                "acme",
                "Orders",
                "Place and track orders",
                "2.3.0",
                ApiVisibility.PUBLIC,
                true,
                ApiStatus.ACTIVE,
                new OpenApiDocumentRef("ab".repeat(32), 2_048, "application/yaml", "3.1.0", "Orders", T0),
                T0,
                T0.plusSeconds(5),
                null);
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
                Map.entry(EventType.ROUTE_DEFINED, List.of(new RouteDefined(route), new RouteDefined(minimalRoute))),
                Map.entry(EventType.ROUTE_DELETED, List.of(new RouteDeleted(deletedRoute))),
                Map.entry(EventType.API_CREATED, List.of(new ApiCreated(api))),
                Map.entry(
                        EventType.API_UPDATED,
                        List.of(new ApiUpdated(documented, List.of("visibility", "subscriptionApproval")))),
                Map.entry(EventType.API_RETIRED, List.of(new ApiRetired(documented.retire(T0.plusSeconds(9))))),
                Map.entry(EventType.API_OPENAPI_UPLOADED, List.of(new ApiOpenApiUploaded(documented))),
                Map.entry(
                        EventType.CALL_RECORDED,
                        List.of(
                                new CallRecorded(
                                        "req-1",
                                        "gw-1",
                                        "acme",
                                        "rt_01",
                                        "key_01",
                                        "app_01",
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
                                        null,
                                        "GET",
                                        "/orders",
                                        503,
                                        CallOutcome.NOT_READY,
                                        15,
                                        0,
                                        180,
                                        "198.51.100.4",
                                        T0),
                                new CallRecorded(
                                        "req-4",
                                        "gw-1",
                                        "acme",
                                        "rt_01",
                                        "kgc_0123456789abcdef0123456789abcdef",
                                        null,
                                        "GET",
                                        "/orders",
                                        401,
                                        CallOutcome.TOKEN_REVOKED,
                                        22,
                                        0,
                                        210,
                                        "203.0.113.7",
                                        T0)))));
        all.putAll(oauthSamples());
        all.putAll(applicationSamples());
        all.putAll(IdentitySamples.all(T0));
        all.putAll(ServiceAccountSamples.all(T0));
        all.putAll(TeamSamples.all(T0));
        all.putAll(planAndSubscriptionSamples());
        all.putAll(policySamples());
        all.put(
                EventType.GATEWAY_WATERMARK_PUBLISHED,
                List.of(
                        new GatewayWatermarkPublished(
                                "gw-1",
                                T0.plusSeconds(5),
                                List.of(
                                        new AppliedPosition("keygate.tokens", 0, 42, T0),
                                        new AppliedPosition("keygate.tokens", 1, 0, T0.plusSeconds(1)))),
                        new GatewayWatermarkPublished("gw-2", T0, List.of())));
        all.put(
                EventType.AUDIT_CHECKPOINT_SIGNED,
                List.of(
                        new AuditCheckpointSigned(
                                "acme",
                                1200,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                T0,
                                "audit-2026-11-29-1",
                                "c2lnbmF0dXJlLWJ5dGVzLWJhc2U2NHVybC1lbmNvZGVkLTY0LWJ5dGVzLWxvbmctc2lnbmF0dXJl"),
                        new AuditCheckpointSigned(
                                AuditCheckpointSigned.PLATFORM_CHAIN,
                                1,
                                "0000000000000000000000000000000000000000000000000000000000000000",
                                T0,
                                "k1",
                                "AA")));
        all.put(
                EventType.ALERT_RAISED,
                List.of(
                        new AlertRaised(
                                "0193a1b2-0000-7000-8000-000000000001",
                                "acme",
                                AlertKind.REQUEST_RATE_SPIKE,
                                AlertSeverity.CRITICAL,
                                AlertAction.REVOKE_KEY,
                                "key_01",
                                null,
                                T0,
                                T0.plusSeconds(7),
                                900,
                                12.5,
                                40.2,
                                "900 calls in 10 s against a baseline of 12.5 (threshold 40.2)"),
                        new AlertRaised(
                                "0193a1b2-0000-7000-8000-000000000002",
                                "acme",
                                AlertKind.AUTH_FAILURE_BURST_BY_IP,
                                AlertSeverity.CRITICAL,
                                AlertAction.BLOCK_IP,
                                null,
                                "203.0.113.7",
                                T0,
                                T0.plusSeconds(3),
                                20,
                                0,
                                20,
                                "20 authentication failures in 60 s from 203.0.113.7")));
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
                EventType.TOKEN_POLICY_SET, List.of(new TokenPolicySet(strict), new TokenPolicySet(lax)),
                EventType.ALERT_POLICY_SET,
                        List.of(new AlertPolicySet(
                                new AlertPolicyState("acme", true, true, Duration.ofHours(24), 2, T0))));
    }

    private static Map<EventType, List<KeygateEvent>> planAndSubscriptionSamples() {
        String api = "api_0123456789abcdef0123456789abcdef";
        String planId = "plan_0123456789abcdef0123456789abcdef";
        PlanState plan = new PlanState(
                planId,
                "acme",
                api,
                "gold",
                "For production traffic",
                new PlanRateLimit(100, RateLimitPeriod.SECOND, 50),
                new PlanQuota(1_000_000, QuotaRefill.MONTH),
                PlanRateLimitMode.HYBRID,
                PlanStatus.ACTIVE,
                T0,
                T0,
                null);
        PlanState minimalPlan =
                new PlanState(planId, "acme", api, "free", null, null, null, null, PlanStatus.ACTIVE, T0, T0, null);
        PlanState retired = new PlanState(
                planId,
                "acme",
                api,
                "free",
                null,
                null,
                null,
                null,
                PlanStatus.RETIRED,
                T0,
                T0.plusSeconds(60),
                T0.plusSeconds(60));
        SubscriptionState pending = new SubscriptionState(
                "sub_0123456789abcdef0123456789abcdef",
                "globex",
                APP,
                api,
                "acme",
                planId,
                SubscriptionStatus.PENDING,
                null,
                T0,
                T0,
                null);
        SubscriptionState approved =
                pending.moveTo(SubscriptionStatus.APPROVED, "Welcome aboard", T0.plusSeconds(30), true);
        return Map.of(
                EventType.PLAN_CREATED, List.of(new PlanCreated(plan), new PlanCreated(minimalPlan)),
                EventType.PLAN_UPDATED, List.of(new PlanUpdated(plan)),
                EventType.PLAN_RETIRED, List.of(new PlanRetired(retired)),
                EventType.SUBSCRIPTION_REQUESTED, List.of(new SubscriptionRequested(pending)),
                EventType.SUBSCRIPTION_APPROVED,
                        List.of(
                                new SubscriptionApproved(approved),
                                new SubscriptionApproved(pending.moveTo(SubscriptionStatus.APPROVED, null, T0, true))),
                EventType.SUBSCRIPTION_REJECTED,
                        List.of(new SubscriptionRejected(
                                pending.moveTo(SubscriptionStatus.REJECTED, "Not for now", T0.plusSeconds(30), true))),
                EventType.SUBSCRIPTION_SUSPENDED,
                        List.of(new SubscriptionSuspended(
                                approved.moveTo(SubscriptionStatus.SUSPENDED, "Abuse", T0.plusSeconds(90), false))),
                EventType.SUBSCRIPTION_RESUMED,
                        List.of(new SubscriptionResumed(
                                approved.moveTo(SubscriptionStatus.APPROVED, null, T0.plusSeconds(120), false))),
                EventType.SUBSCRIPTION_CANCELLED,
                        List.of(new SubscriptionCancelled(
                                approved.moveTo(SubscriptionStatus.CANCELLED, null, T0.plusSeconds(150), false))));
    }

    private static Map<EventType, List<KeygateEvent>> applicationSamples() {
        ApplicationState full = new ApplicationState(
                APP,
                "acme",
                "Partner portal",
                "Orders sync for the partner",
                "platform-team@example.com",
                "usr_0123456789abcdef0123456789abcdef",
                "team_0123456789abcdef0123456789abcdef",
                ApplicationStatus.ACTIVE,
                T0,
                T0.plusSeconds(60),
                null);
        ApplicationState minimal =
                new ApplicationState(APP, "acme", "p", null, null, null, null, ApplicationStatus.ACTIVE, T0, T0, null);
        ApplicationState deleted = new ApplicationState(
                APP,
                "acme",
                "Partner portal",
                null,
                null,
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
