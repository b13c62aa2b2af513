package io.keygate.gateway.check;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.ScopeRequirement;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.ip.IpRuleIndex;
import io.keygate.gateway.state.RouteTable;
import io.keygate.gateway.state.SubscriptionIndex;
import io.keygate.gateway.state.TokenIndex;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckChainTest {

    private static final String TENANT = "acme";
    private static final String SECRET = "kg_test_secret";

    private final ApiKeyHasher hasher = new ApiKeyHasher("unit-test-pepper-0123456789abcdefghij");
    private final TokenIndex tokens = new TokenIndex();
    private final RouteTable routes = new RouteTable();
    private final SubscriptionIndex subscriptions = new SubscriptionIndex();
    private final IpRuleIndex ipRules = new IpRuleIndex();
    private final CheckChain chain = new CheckChain(List.of(
            new RouteMatchCheck(routes),
            new CredentialPresentCheck(),
            new KeyLookupCheck(tokens, hasher),
            new IpAllowedCheck(ipRules),
            new ScopeCheck(),
            new SubscriptionCheck(subscriptions)));
    private String apiId;

    @BeforeEach
    void defineRoute() {
        RouteState route = aRoute().withRouteId("orders")
                .ofTenant(TENANT)
                .onPrefix("/orders")
                .build();
        apiId = route.apiId();
        routes.apply(route, 1);
        routes.commit();
    }

    private void subscribe(ApiKeyState key, SubscriptionStatus status) {
        subscriptions.apply(aSubscription(key, apiId, TENANT).inStatus(status).build(), 1);
    }

    private ApiKeyState issue(ApiKeyState key) {
        tokens.apply(key, 1);
        return key;
    }

    private CallContext call(String path, String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CallContext("req-1", "GET", path, headers, "203.0.113.7", Instant.now());
    }

    @Test
    void usableKeyWithAnApprovedSubscriptionPasses() {
        ApiKeyState key =
                issue(anApiKey().ofTenant(TENANT).withHash(hasher.hash(SECRET)).build());
        subscribe(key, SubscriptionStatus.APPROVED);
        CallContext call = call("/orders/1", "X-API-Key", SECRET);

        assertThat(chain.run(call)).isNull();
        assertThat(call.caller().credentialId()).isEqualTo(key.keyId());
        assertThat(call.caller().applicationId()).isEqualTo(key.applicationId());
        assertThat(call.route().routeId()).isEqualTo("orders");
    }

    @Test
    void unroutedPathIsRefusedBeforeTheCredentialIsLookedAt() {
        assertThat(chain.run(call("/customers"))).isEqualTo(Rejection.NO_ROUTE);
    }

    @Test
    void missingCredentialIsRefused() {
        assertThat(chain.run(call("/orders"))).isEqualTo(Rejection.MISSING_CREDENTIAL);
    }

    @Test
    void unknownRevokedAndExpiredKeysAreRefusedWithTheirPreciseOutcome() {
        issue(anApiKey()
                .ofTenant(TENANT)
                .withHash(hasher.hash("revoked"))
                .revoked("leaked")
                .build());
        issue(anApiKey()
                .ofTenant(TENANT)
                .withHash(hasher.hash("expired"))
                .expiringAt(Instant.now().minusSeconds(1))
                .build());

        assertThat(chain.run(call("/orders", "X-API-Key", "never-issued"))).isEqualTo(Rejection.UNKNOWN_KEY);
        assertThat(chain.run(call("/orders", "X-API-Key", "revoked"))).isEqualTo(Rejection.REVOKED_KEY);
        assertThat(chain.run(call("/orders", "Authorization", "Bearer expired")))
                .isEqualTo(Rejection.EXPIRED_KEY);
    }

    @Test
    void unknownRevokedAndExpiredKeysShowTheClientOneProblem() {
        assertThat(List.of(Rejection.UNKNOWN_KEY, Rejection.REVOKED_KEY, Rejection.EXPIRED_KEY))
                .extracting(Rejection::problem)
                .containsOnly(Rejection.UNKNOWN_KEY.problem());
    }

    @Test
    void keyOfAnotherTenantWithoutASubscriptionIsForbiddenAsSuch() {
        issue(anApiKey().ofTenant("other").withHash(hasher.hash(SECRET)).build());

        assertThat(chain.run(call("/orders", "X-API-Key", SECRET))).isEqualTo(Rejection.WRONG_TENANT);
    }

    @Test
    void keyOfAnotherTenantWithAnApprovedSubscriptionToThePublicApiPasses() {
        ApiKeyState key =
                issue(anApiKey().ofTenant("other").withHash(hasher.hash(SECRET)).build());
        subscribe(key, SubscriptionStatus.APPROVED);

        assertThat(chain.run(call("/orders", "X-API-Key", SECRET))).isNull();
    }

    @Test
    void keyWhoseSubscriptionIsPendingOrSuspendedIsRefused() {
        ApiKeyState key =
                issue(anApiKey().ofTenant(TENANT).withHash(hasher.hash(SECRET)).build());
        subscribe(key, SubscriptionStatus.PENDING);
        assertThat(chain.run(call("/orders", "X-API-Key", SECRET))).isEqualTo(Rejection.NO_SUBSCRIPTION);

        subscriptions.apply(
                aSubscription(key, apiId, TENANT)
                        .withId("sub_x")
                        .inStatus(SubscriptionStatus.SUSPENDED)
                        .build(),
                1);
        assertThat(chain.run(call("/orders", "X-API-Key", SECRET))).isEqualTo(Rejection.NO_SUBSCRIPTION);
    }

    @Test
    void aClientOutsideTheKeysAllowListOrInADeniedNetworkIsRefused() {
        ApiKeyState listed = issue(anApiKey()
                .ofTenant(TENANT)
                .withHash(hasher.hash(SECRET))
                .allowingOnly("198.51.100.0/24", "2001:db8::/32")
                .build());
        subscribe(listed, SubscriptionStatus.APPROVED);
        assertThat(chain.run(call("/orders", "X-API-Key", SECRET)))
                .as("203.0.113.7 is not on the key's list")
                .isEqualTo(Rejection.IP_NOT_ALLOWED);

        ApiKeyState open =
                issue(anApiKey().ofTenant(TENANT).withHash(hasher.hash("open")).build());
        subscribe(open, SubscriptionStatus.APPROVED);
        assertThat(chain.run(call("/orders", "X-API-Key", "open"))).isNull();
        ipRules.apply(
                new IpRuleState(
                        "r1",
                        IpRuleScope.TENANT,
                        TENANT,
                        IpRuleAction.DENY,
                        "203.0.113.0/24",
                        "abuse",
                        null,
                        IpRuleStatus.ACTIVE,
                        Instant.now(),
                        Instant.now(),
                        1),
                1);
        ipRules.commit();
        assertThat(chain.run(call("/orders", "X-API-Key", "open"))).isEqualTo(Rejection.IP_NOT_ALLOWED);
    }

    @Test
    void aKeyWithoutTheScopeARouteRequiresForTheMethodAndPathIsRefused() {
        RouteState guarded = aRoute().withRouteId("guarded")
                .ofTenant(TENANT)
                .ofApi(apiId)
                .onPrefix("/invoices")
                .requiring(
                        new ScopeRequirement(List.of("POST", "DELETE"), "/invoices/**", List.of("invoices:write")),
                        new ScopeRequirement(List.of(), "/invoices/*/pdf", List.of("invoices:read")))
                .build();
        routes.apply(guarded, 1);
        routes.commit();
        ApiKeyState reader = issue(anApiKey()
                .ofTenant(TENANT)
                .withHash(hasher.hash(SECRET))
                .withScopes("invoices:read")
                .build());
        subscribe(reader, SubscriptionStatus.APPROVED);

        assertThat(chain.run(call("/invoices/7/pdf", "X-API-Key", SECRET))).isNull();
        assertThat(chain.run(call("/invoices/7", "X-API-Key", SECRET)))
                .as("no requirement covers it")
                .isNull();
        assertThat(chain.run(post("/invoices/7", "X-API-Key", SECRET))).isEqualTo(Rejection.INSUFFICIENT_SCOPE);
    }

    private CallContext post(String path, String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CallContext("req-2", "POST", path, headers, "203.0.113.7", Instant.now());
    }

    @Test
    void keyWithoutAnApplicationIsRefused() {
        issue(anApiKey()
                .ofTenant(TENANT)
                .withHash(hasher.hash(SECRET))
                .forApplication(null)
                .build());

        assertThat(chain.run(call("/orders", "X-API-Key", SECRET))).isEqualTo(Rejection.NO_SUBSCRIPTION);
    }
}
