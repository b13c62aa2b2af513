package io.keygate.bench;

import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteStatus;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The state every benchmarked gateway is given, as token- and policy-service would publish it: one tenant owning
 * one API with one route that requires a scope for the benchmarked path, a number of applications each with an
 * approved subscription to the API, and API keys spread over the applications, each holding the scope and a rate
 * limit high enough that the limiter runs but never refuses.
 */
final class BenchTenant {

    static final String TENANT = "bench";
    static final String API = "api_" + "b".repeat(32);
    static final String ROUTE = "rt_" + "b".repeat(32);
    /** The plan every subscription is on; no plan event describes it unless a benchmark publishes {@link #plan}. */
    static final String PLAN = "plan_" + "b".repeat(32);
    /** The path every line of the benchmark is asked for. */
    static final String PATH = "/bench/items";

    static final String SCOPE = "bench:read";
    /** A limit far above what one key sees in a run: the limiter counts every call and refuses none. */
    static final RateLimit HIGH_RATE_LIMIT = new RateLimit(1_000_000, RateLimitPeriod.SECOND);

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final int applications;

    /** @param applications how many applications the keys are spread over */
    BenchTenant(int applications) {
        this.applications = applications;
    }

    /** The application of the {@code index}th key. */
    String applicationOf(int index) {
        return applicationId(index % applications);
    }

    /** The route to {@code upstreamUrl}: GET under {@code /bench} needs {@link #SCOPE}. */
    RouteState route(String upstreamUrl) {
        return new RouteState(
                ROUTE,
                TENANT,
                API,
                "bench route",
                RouteState.ANY_HOST,
                "/bench",
                List.of(),
                List.of(new RouteTarget(upstreamUrl, 1)),
                null,
                false,
                5_000,
                30_000,
                0,
                List.of(new ScopeRequirement(List.of("GET"), "/bench/**", List.of(SCOPE))),
                List.of(CredentialKind.API_KEY),
                1_048_576,
                null,
                RouteStatus.ACTIVE,
                1,
                CREATED);
    }

    /** The plan of the subscriptions with {@code rateLimit}, counted in each gateway's configured mode. */
    PlanState plan(PlanRateLimit rateLimit) {
        return new PlanState(
                PLAN,
                TENANT,
                API,
                "bench plan",
                null,
                rateLimit,
                null,
                null,
                PlanStatus.ACTIVE,
                CREATED,
                CREATED,
                null);
    }

    /** Approved subscriptions of every application to the API. */
    List<SubscriptionState> subscriptions() {
        return IntStream.range(0, applications)
                .mapToObj(app -> new SubscriptionState(
                        "sub_" + hex32(app),
                        TENANT,
                        applicationId(app),
                        API,
                        TENANT,
                        PLAN,
                        SubscriptionStatus.APPROVED,
                        null,
                        CREATED,
                        CREATED,
                        CREATED))
                .toList();
    }

    /** The {@code index}th key, active, holding the route's scope and the high rate limit. */
    ApiKeyState activeKey(int index, String keyHash, String maskedKey) {
        return new ApiKeyState(
                "key_" + hex32(index),
                TENANT,
                "bench key " + index,
                maskedKey,
                keyHash,
                List.of(SCOPE, "bench:write"),
                ApiKeyStatus.ACTIVE,
                CREATED,
                null,
                null,
                null,
                null,
                applicationOf(index),
                List.of(),
                HIGH_RATE_LIMIT,
                null,
                null,
                null,
                null,
                CREATED,
                null);
    }

    /** The same key, revoked at {@code at}. */
    ApiKeyState revoked(ApiKeyState key, Instant at) {
        return new ApiKeyState(
                key.keyId(),
                key.tenantId(),
                key.name(),
                key.maskedKey(),
                key.keyHash(),
                key.scopes(),
                ApiKeyStatus.REVOKED,
                key.createdAt(),
                key.expiresAt(),
                at,
                "bench",
                key.description(),
                key.applicationId(),
                key.ipAllowList(),
                key.rateLimit(),
                key.quota(),
                key.metadata(),
                key.previousKeyHash(),
                key.previousKeyValidUntil(),
                key.secretIssuedAt(),
                key.rotationDueNotifiedAt());
    }

    /** A new random API key secret in the real format. */
    static String newSecret(SecureRandom random) {
        return ApiKeyFormat.generate("live", random);
    }

    /** The {@code index}th key for {@code secret}: its hash and masked form, as token-service publishes them. */
    ApiKeyState activeKey(int index, String secret, ApiKeyHasher hasher) {
        return activeKey(index, hasher.hash(secret), ApiKeyFormat.mask(secret));
    }

    private static String applicationId(int app) {
        return "app_" + hex32(app);
    }

    private static String hex32(int n) {
        return HexFormat.of().toHexDigits((long) n) + "0".repeat(16);
    }
}
