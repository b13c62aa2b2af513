package io.keygate.policy.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void definingANewRouteEmitsVersionOneWithNormalisedPrefix() {
        var events =
                Route.decide(new DefineRoute("rt_1", "acme", "orders", "/orders/", "http://orders:8080/v1/", T0), null);

        assertThat(events).singleElement().isInstanceOfSatisfying(RouteDefined.class, defined -> {
            assertThat(defined.route().pathPrefix()).isEqualTo("/orders");
            assertThat(defined.route().upstreamUrl()).isEqualTo("http://orders:8080/v1");
            assertThat(defined.route().version()).isEqualTo(1);
        });
    }

    @Test
    void redefiningBumpsTheVersionAndAnUnchangedDefinitionEmitsNothing() {
        RouteState v1 =
                Route.replay(Route.decide(new DefineRoute("rt_1", "acme", "o", "/orders", "http://a", T0), null));

        assertThat(Route.decide(new DefineRoute("rt_1", "acme", "o", "/orders", "http://a", T0), v1))
                .isEmpty();
        assertThat(Route.decide(new DefineRoute("rt_1", "acme", "o", "/orders", "http://b", T0), v1))
                .singleElement()
                .extracting(e -> ((RouteDefined) e).route().version())
                .isEqualTo(2L);
    }

    @Test
    void anotherTenantsRouteIsNotFound() {
        RouteState v1 =
                Route.replay(Route.decide(new DefineRoute("rt_1", "acme", "o", "/orders", "http://a", T0), null));
        assertThatThrownBy(() -> Route.decide(new DefineRoute("rt_1", "evil", "o", "/orders", "http://b", T0), v1))
                .isInstanceOfSatisfying(
                        RouteRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(RouteRejection.NotFound.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "/orders/../admin", "/a//b", "/with space", "/%2e%2e", ""})
    void badPrefixesAreRefused(String prefix) {
        assertThatThrownBy(() -> RoutePaths.normalisePrefix(prefix))
                .isInstanceOfSatisfying(
                        RouteRejectedException.class,
                        e -> assertThat(((RouteRejection.InvalidField) e.rejection()).field())
                                .isEqualTo("pathPrefix"));
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
        assertThatThrownBy(() -> RoutePaths.validateUpstream(url))
                .isInstanceOfSatisfying(
                        RouteRejectedException.class,
                        e -> assertThat(((RouteRejection.InvalidField) e.rejection()).field())
                                .isEqualTo("upstreamUrl"));
    }
}
