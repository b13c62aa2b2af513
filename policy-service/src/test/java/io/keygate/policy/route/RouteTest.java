package io.keygate.policy.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteDeleted;
import io.keygate.events.policy.RouteEvent;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteStatus;
import io.keygate.events.policy.RouteTarget;
import io.keygate.policy.route.RouteCommand.DefineRoute;
import io.keygate.policy.route.RouteCommand.DeleteRoute;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String API = "api_1";
    private static final UpstreamGuard STRICT = UpstreamGuard.strict();

    static RouteDefinition definition(String prefix, String url) {
        return new RouteDefinition(
                "orders",
                null,
                prefix,
                List.of(),
                List.of(new RouteTarget(url, 1)),
                null,
                false,
                5_000,
                30_000,
                0,
                List.of(),
                List.of(CredentialKind.API_KEY),
                1024,
                null);
    }

    private static List<RouteEvent> define(RouteDefinition d, RouteState state) {
        return Route.decide(new DefineRoute("rt_1", "acme", API, d, state != null, T0), state, STRICT);
    }

    private static RouteInvalid rejectionOf(RouteDefinition d) {
        try {
            define(d, null);
        } catch (RouteRejectedException e) {
            return new RouteInvalid(e.rejection());
        }
        throw new AssertionError("accepted " + d);
    }

    private record RouteInvalid(RouteRejection rejection) {
        String field() {
            return rejection instanceof RouteRejection.InvalidField f
                    ? f.field()
                    : ((RouteRejection.UnsafeTarget) rejection).field();
        }
    }

    @Test
    void definingANewRouteEmitsVersionOneWithNormalisedFields() {
        RouteDefinition d = definition("/orders/", "http://orders.internal:8080/v1/");
        d = new RouteDefinition(
                d.name(),
                "API.Example.com",
                d.pathPrefix(),
                List.of("post", "GET", "GET"),
                d.targets(),
                d.healthCheckPath(),
                d.stripPrefix(),
                d.connectTimeoutMs(),
                d.readTimeoutMs(),
                d.retries(),
                d.scopeRequirements(),
                d.credentialKinds(),
                d.maxBodyBytes(),
                d.cors());

        assertThat(define(d, null)).singleElement().isInstanceOfSatisfying(RouteDefined.class, defined -> {
            RouteState route = defined.route();
            assertThat(route.host()).isEqualTo("api.example.com");
            assertThat(route.pathPrefix()).isEqualTo("/orders");
            assertThat(route.methods()).containsExactly("GET", "POST");
            assertThat(route.targets()).containsExactly(new RouteTarget("http://orders.internal:8080/v1", 1));
            assertThat(route.apiId()).isEqualTo(API);
            assertThat(route.status()).isEqualTo(RouteStatus.ACTIVE);
            assertThat(route.version()).isEqualTo(1);
        });
    }

    @Test
    void aRouteWithoutHostServesAnyHostAndWithoutMethodsClaimsEveryMethod() {
        RouteState route = Route.replay(define(definition("/", "http://a.example"), null));
        assertThat(route.host()).isEqualTo(RouteState.ANY_HOST);
        assertThat(RouteRules.claimedMethods(route)).containsExactlyElementsOf(RouteRules.METHODS);
    }

    @Test
    void redefiningBumpsTheVersionAndAnUnchangedDefinitionEmitsNothing() {
        RouteState v1 = Route.replay(define(definition("/orders", "http://a.example"), null));

        assertThat(define(definition("/orders", "http://a.example"), v1)).isEmpty();
        assertThat(define(definition("/orders", "http://b.example"), v1))
                .singleElement()
                .extracting(e -> e.route().version())
                .isEqualTo(2L);
    }

    @Test
    void deletingEmitsTheLastStateAsDeletedOnceAndADeletedRouteCannotBeRedefined() {
        RouteState v1 = Route.replay(define(definition("/orders", "http://a.example"), null));
        List<RouteEvent> deleted = Route.decide(new DeleteRoute("rt_1", "acme", API, T0), v1, STRICT);
        assertThat(deleted)
                .singleElement()
                .isInstanceOfSatisfying(
                        RouteDeleted.class, d -> assertThat(d.route().status()).isEqualTo(RouteStatus.DELETED));
        RouteState gone = Route.evolve(v1, deleted.get(0));

        assertThat(Route.decide(new DeleteRoute("rt_1", "acme", API, T0), gone, STRICT))
                .isEmpty();
        assertThatThrownBy(() -> define(definition("/orders", "http://a.example"), gone))
                .isInstanceOfSatisfying(
                        RouteRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(RouteRejection.Deleted.class));
    }

    @Test
    void anotherTenantsOrAnotherApisRouteIsNotFound() {
        RouteState v1 = Route.replay(define(definition("/orders", "http://a.example"), null));
        var otherTenant = new DefineRoute("rt_1", "evil", API, definition("/o", "http://b.example"), true, T0);
        var otherApi = new DeleteRoute("rt_1", "acme", "api_2", T0);
        for (RouteCommand command : List.of(otherTenant, otherApi)) {
            assertThatThrownBy(() -> Route.decide(command, v1, STRICT))
                    .isInstanceOfSatisfying(
                            RouteRejectedException.class,
                            e -> assertThat(e.rejection()).isInstanceOf(RouteRejection.NotFound.class));
        }
    }

    @Test
    void retriesApplyToIdempotentMethodsOnly() {
        RouteDefinition d = definition("/orders", "http://a.example");
        d = new RouteDefinition(
                d.name(),
                d.host(),
                d.pathPrefix(),
                d.methods(),
                d.targets(),
                d.healthCheckPath(),
                d.stripPrefix(),
                d.connectTimeoutMs(),
                d.readTimeoutMs(),
                3,
                d.scopeRequirements(),
                d.credentialKinds(),
                d.maxBodyBytes(),
                d.cors());
        RouteState route = Route.replay(define(d, null));

        assertThat(List.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "get"))
                .allSatisfy(method -> assertThat(route.retriesFor(method)).isEqualTo(3));
        assertThat(List.of("POST", "PATCH"))
                .allSatisfy(method -> assertThat(route.retriesFor(method)).isZero());
    }

    @Test
    void retriesTimeoutsAndWeightsAreBounded() {
        RouteDefinition d = definition("/orders", "http://a.example");
        assertThat(rejectionOf(new RouteDefinition(
                                d.name(),
                                d.host(),
                                d.pathPrefix(),
                                d.methods(),
                                d.targets(),
                                d.healthCheckPath(),
                                d.stripPrefix(),
                                d.connectTimeoutMs(),
                                d.readTimeoutMs(),
                                6,
                                d.scopeRequirements(),
                                d.credentialKinds(),
                                d.maxBodyBytes(),
                                d.cors()))
                        .field())
                .isEqualTo("retries");
        assertThat(rejectionOf(new RouteDefinition(
                                d.name(),
                                d.host(),
                                d.pathPrefix(),
                                d.methods(),
                                d.targets(),
                                d.healthCheckPath(),
                                d.stripPrefix(),
                                99,
                                d.readTimeoutMs(),
                                0,
                                d.scopeRequirements(),
                                d.credentialKinds(),
                                d.maxBodyBytes(),
                                d.cors()))
                        .field())
                .isEqualTo("connectTimeoutMs");
        assertThat(rejectionOf(new RouteDefinition(
                                d.name(),
                                d.host(),
                                d.pathPrefix(),
                                d.methods(),
                                List.of(new RouteTarget("http://a.example", 1001)),
                                d.healthCheckPath(),
                                d.stripPrefix(),
                                d.connectTimeoutMs(),
                                d.readTimeoutMs(),
                                0,
                                d.scopeRequirements(),
                                d.credentialKinds(),
                                d.maxBodyBytes(),
                                d.cors()))
                        .field())
                .isEqualTo("targets[0].weight");
        assertThat(rejectionOf(new RouteDefinition(
                                d.name(),
                                d.host(),
                                d.pathPrefix(),
                                d.methods(),
                                List.of(),
                                d.healthCheckPath(),
                                d.stripPrefix(),
                                d.connectTimeoutMs(),
                                d.readTimeoutMs(),
                                0,
                                d.scopeRequirements(),
                                d.credentialKinds(),
                                d.maxBodyBytes(),
                                d.cors()))
                        .field())
                .isEqualTo("targets");
    }

    @Test
    void credentialKindsMustNotBeEmpty() {
        RouteDefinition d = definition("/orders", "http://a.example");
        assertThat(rejectionOf(new RouteDefinition(
                                d.name(),
                                d.host(),
                                d.pathPrefix(),
                                d.methods(),
                                d.targets(),
                                d.healthCheckPath(),
                                d.stripPrefix(),
                                d.connectTimeoutMs(),
                                d.readTimeoutMs(),
                                0,
                                d.scopeRequirements(),
                                List.of(),
                                d.maxBodyBytes(),
                                d.cors()))
                        .field())
                .isEqualTo("credentialKinds");
    }

    @Test
    void corsRefusesAnyOriginWithCredentials() {
        RouteDefinition d = definition("/orders", "http://a.example");
        CorsPolicy wildcard = new CorsPolicy(List.of("*"), List.of("GET"), List.of(), true, 600);
        assertThat(rejectionOf(new RouteDefinition(
                                d.name(),
                                d.host(),
                                d.pathPrefix(),
                                d.methods(),
                                d.targets(),
                                d.healthCheckPath(),
                                d.stripPrefix(),
                                d.connectTimeoutMs(),
                                d.readTimeoutMs(),
                                0,
                                d.scopeRequirements(),
                                d.credentialKinds(),
                                d.maxBodyBytes(),
                                wildcard))
                        .field())
                .isEqualTo("cors.allowedOrigins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "/orders/../admin", "/a//b", "/with space", "/%2e%2e", ""})
    void badPrefixesAreRefused(String prefix) {
        assertThat(rejectionOf(definition(prefix, "http://a.example")).field()).isEqualTo("pathPrefix");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://files",
                "http://user:pw@host",
                "http:///nohost",
                "http://host/?q=1",
                "not a url",
                "file:///etc/passwd"
            })
    void badUpstreamsAreRefused(String url) {
        assertThat(rejectionOf(definition("/o", url)).field()).isEqualTo("targets[0].url");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080",
                "http://localhost",
                "http://api.localhost",
                "http://[::1]/x",
                "http://0.0.0.0",
                "http://169.254.169.254/latest/meta-data",
                "http://169.254.10.1",
                "http://[fe80::1]",
                "http://[fd00:ec2::254]",
                "http://[::ffff:127.0.0.1]",
                "http://2130706433",
                "http://0x7f.1",
                "http://127.1",
                "http://metadata.google.internal"
            })
    void theDefaultGuardRefusesLoopbackLinkLocalAndMetadataTargets(String url) {
        // Numeric forms such as 127.1 are not even valid URL hosts for java.net.URI: refused as malformed.
        RouteInvalid invalid = rejectionOf(definition("/o", url));
        assertThat(invalid.field()).isEqualTo("targets[0].url");
    }

    @Test
    void allowingPrivateTargetsLetsLoopbackThroughButNeverMetadataOrDeniedRanges() {
        UpstreamGuard lenient = UpstreamGuard.of(true, java.util.Optional.of(List.of("10.0.0.0/8")));
        assertThat(lenient.refusal("127.0.0.1")).isNull();
        assertThat(lenient.refusal("localhost")).isNull();
        assertThat(lenient.refusal("[::1]")).isNull();
        assertThat(lenient.refusal("169.254.169.254")).isNotNull();
        assertThat(lenient.refusal("[fd00:ec2::254]")).isNotNull();
        assertThat(lenient.refusal("10.1.2.3")).isNotNull();
        assertThat(lenient.refusal("11.1.2.3")).isNull();
        assertThat(UpstreamGuard.strict().refusal("orders.internal")).isNull();
        assertThat(UpstreamGuard.strict().refusal("127.1")).isNotNull();
        assertThat(UpstreamGuard.strict().refusal("0x7f.1")).isNotNull();
        assertThat(UpstreamGuard.strict().refusal("2130706433")).isNotNull();
        assertThat(UpstreamGuard.strict().refusal("93.184.216.34")).isNull();
    }
}
