package io.keygate.gateway.check;

import static io.keygate.gateway.testdata.AccessTokenBuilder.aToken;
import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscriptionOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.ScopeRequirement;
import io.keygate.gateway.ip.IpRuleIndex;
import io.keygate.gateway.jwt.AccessTokenRules;
import io.keygate.gateway.jwt.AccessTokenVerifier;
import io.keygate.gateway.jwt.JwtState;
import io.keygate.gateway.state.RouteTable;
import io.keygate.gateway.state.SubscriptionIndex;
import io.keygate.gateway.state.TokenIndex;
import io.keygate.gateway.testdata.AccessTokenBuilder;
import io.keygate.gateway.testdata.TestSigningKey;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check chain with JWT access tokens: routes choose their credential kinds, a token's client is the caller. */
class JwtCheckChainTest {

    private static final String TENANT = "acme";
    private static final String APPLICATION = "app_orders";
    private static TestSigningKey signingKey;

    private final ApiKeyHasher hasher = new ApiKeyHasher("unit-test-pepper-0123456789abcdefghij");
    private final TokenIndex tokens = new TokenIndex();
    private final RouteTable routes = new RouteTable();
    private final SubscriptionIndex subscriptions = new SubscriptionIndex();
    private final JwtState jwt = new JwtState(Clock.systemUTC());
    private final CheckChain chain = new CheckChain(List.of(
            new RouteMatchCheck(routes),
            new CredentialPresentCheck(),
            new KeyLookupCheck(tokens, hasher),
            new AccessTokenCheck(new AccessTokenVerifier(
                    new AccessTokenRules(
                            AccessTokenBuilder.ISSUER,
                            AccessTokenBuilder.AUDIENCE,
                            Set.of("RS256"),
                            Duration.ofSeconds(30),
                            8192),
                    jwt,
                    100)),
            new IpAllowedCheck(new IpRuleIndex()),
            new ScopeCheck(),
            new SubscriptionCheck(subscriptions)));

    @BeforeAll
    static void generateKey() {
        signingKey = TestSigningKey.generate();
    }

    @BeforeEach
    void defineRoutesAndPublishTheKey() {
        jwt.signingKeys().apply(signingKey.published(), 1);
        routes.apply(
                aRoute().withRouteId("jwt-only")
                        .ofTenant(TENANT)
                        .ofApi("api_orders")
                        .onPrefix("/orders")
                        .accepting(CredentialKind.JWT)
                        .requiring(new ScopeRequirement(List.of(), "/orders/**", List.of("orders:read")))
                        .build(),
                1);
        routes.apply(
                aRoute().withRouteId("keys-only")
                        .ofTenant(TENANT)
                        .ofApi("api_orders")
                        .onPrefix("/legacy")
                        .build(),
                1);
        routes.apply(
                aRoute().withRouteId("both")
                        .ofTenant(TENANT)
                        .ofApi("api_orders")
                        .onPrefix("/both")
                        .accepting(CredentialKind.API_KEY, CredentialKind.JWT)
                        .build(),
                1);
        routes.commit();
        subscriptions.apply(
                aSubscriptionOf(TENANT, APPLICATION, "api_orders", TENANT).build(), 1);
    }

    private static CallContext call(String path, String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CallContext("req-1", "GET", path, headers, "203.0.113.7", Instant.now());
    }

    private static AccessTokenBuilder token() {
        return aToken(signingKey).ofTenant(TENANT).ofApplication(APPLICATION).withScope("orders:read");
    }

    @Test
    void validTokenPassesTheWholeChainAsItsClient() {
        AccessTokenBuilder token = token();
        CallContext call = call("/orders/1", "Authorization", "Bearer " + token.sign());

        assertThat(chain.run(call)).isNull();
        assertThat(call.caller().kind()).isEqualTo(CredentialKind.JWT);
        assertThat(call.caller().credentialId()).isEqualTo(token.clientId());
        assertThat(call.caller().tenantId()).isEqualTo(TENANT);
        assertThat(call.caller().applicationId()).isEqualTo(APPLICATION);
        assertThat(call.presentedKey()).isNull();
    }

    @Test
    void routeAcceptingBothKindsTakesAToken() {
        assertThat(chain.run(call("/both", "Authorization", "Bearer " + token().sign())))
                .isNull();
    }

    @Test
    void tokenOnARouteForApiKeysOnlyIsRefused() {
        assertThat(chain.run(call("/legacy", "Authorization", "Bearer " + token().sign())))
                .isEqualTo(Rejection.CREDENTIAL_KIND_NOT_ACCEPTED);
    }

    @Test
    void apiKeyOnARouteForTokensOnlyIsRefused() {
        tokens.apply(
                anApiKey().ofTenant(TENANT).withHash(hasher.hash("kg_test_k")).build(), 1);

        assertThat(chain.run(call("/orders/1", "X-API-Key", "kg_test_k")))
                .isEqualTo(Rejection.CREDENTIAL_KIND_NOT_ACCEPTED);
        assertThat(chain.run(call("/orders/1", "Authorization", "Bearer kg_test_k")))
                .isEqualTo(Rejection.CREDENTIAL_KIND_NOT_ACCEPTED);
    }

    @Test
    void tokenWithoutTheRoutesScopeIsForbidden() {
        assertThat(chain.run(call(
                        "/orders/1",
                        "Authorization",
                        "Bearer " + token().withScope("orders:write").sign())))
                .isEqualTo(Rejection.INSUFFICIENT_SCOPE);
    }

    @Test
    void tokenOfAnApplicationWithoutASubscriptionIsForbidden() {
        String token = token().ofApplication("app_other").sign();

        assertThat(chain.run(call("/orders/1", "Authorization", "Bearer " + token)))
                .isEqualTo(Rejection.NO_SUBSCRIPTION);
    }

    @Test
    void revokedTokenIsRefusedAndTheCallRecordStillNamesItsClient() {
        AccessTokenBuilder token = token();
        jwt.revokedTokens()
                .apply(new AccessTokenRevoked(token.jti(), TENANT, token.clientId(), token.expiresAt(), Instant.now()));
        CallContext call = call("/orders/1", "Authorization", "Bearer " + token.sign());

        assertThat(chain.run(call)).isEqualTo(Rejection.TOKEN_REVOKED);
        assertThat(call.caller().credentialId()).isEqualTo(token.clientId());
    }

    @Test
    void everyRefusedTokenShowsTheClientTheProblemOfAnUnknownKey() {
        assertThat(List.of(
                        Rejection.MALFORMED_TOKEN,
                        Rejection.TOKEN_ALGORITHM_NOT_ALLOWED,
                        Rejection.WRONG_TOKEN_TYPE,
                        Rejection.UNKNOWN_SIGNING_KEY,
                        Rejection.INVALID_TOKEN_SIGNATURE,
                        Rejection.TOKEN_EXPIRED,
                        Rejection.TOKEN_NOT_YET_VALID,
                        Rejection.WRONG_ISSUER,
                        Rejection.WRONG_AUDIENCE,
                        Rejection.TOKEN_REVOKED,
                        Rejection.CLIENT_REVOKED))
                .extracting(Rejection::problem)
                .containsOnly(Rejection.UNKNOWN_KEY.problem());
    }

    @Test
    void forgedTokenIsRefusedWithItsPreciseOutcome() {
        assertThat(chain.run(call("/orders/1", "Authorization", "Bearer " + token().unsigned())))
                .isEqualTo(Rejection.TOKEN_ALGORITHM_NOT_ALLOWED);
    }
}
