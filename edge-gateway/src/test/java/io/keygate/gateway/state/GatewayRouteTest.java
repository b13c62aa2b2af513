package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.RouteTarget;
import org.junit.jupiter.api.Test;

class GatewayRouteTest {

    private static String upstreamUri(GatewayRoute route, String path, String query) {
        return route.upstreams().get(0).requestUri(route.upstreamPath(path), query);
    }

    @Test
    void everyTargetIsParsedOnceWithItsWeight() {
        GatewayRoute route = GatewayRoute.of(aRoute().toTargets(
                        new RouteTarget("http://a.internal:8081/v1", 3), new RouteTarget("https://b.internal", 1))
                .build());

        assertThat(route.upstreams())
                .containsExactly(
                        new Upstream(false, "a.internal", 8081, "/v1"), new Upstream(true, "b.internal", 443, ""));
        assertThat(route.balancer().size()).isEqualTo(2);
    }

    @Test
    void withoutStripPrefixThePathGoesUpstreamWhole() {
        GatewayRoute route = GatewayRoute.of(
                aRoute().onPrefix("/orders").toUpstream("http://h/v1").build());

        assertThat(upstreamUri(route, "/orders/42", "x=1")).isEqualTo("/v1/orders/42?x=1");
    }

    @Test
    void stripPrefixRemovesTheWholePrefixSegmentsOnly() {
        GatewayRoute route = GatewayRoute.of(aRoute().onPrefix("/orders/")
                .strippingPrefix()
                .toUpstream("http://h/v1")
                .build());

        assertThat(upstreamUri(route, "/orders/42", null)).isEqualTo("/v1/42");
        assertThat(upstreamUri(route, "/orders/42/items", "page=2")).isEqualTo("/v1/42/items?page=2");
        assertThat(upstreamUri(route, "/orders/", null)).isEqualTo("/v1/");
        assertThat(upstreamUri(route, "/orders", null)).isEqualTo("/v1");
    }

    @Test
    void aStrippedPrefixThatWasTheWholePathBecomesTheRootWithoutABasePath() {
        GatewayRoute route = GatewayRoute.of(aRoute().onPrefix("/orders")
                .strippingPrefix()
                .toUpstream("http://h")
                .build());

        assertThat(upstreamUri(route, "/orders", null)).isEqualTo("/");
        assertThat(upstreamUri(route, "/orders", "q=1")).isEqualTo("/?q=1");
        assertThat(upstreamUri(route, "/orders/7", null)).isEqualTo("/7");
    }

    @Test
    void aRouteMatchedOnAPrefixNeverStripsALongerSegment() {
        RouteTable table = new RouteTable();
        table.apply(
                aRoute().withRouteId("root")
                        .onPrefix("/")
                        .toUpstream("http://root")
                        .build(),
                1);
        table.apply(
                aRoute().withRouteId("orders")
                        .onPrefix("/orders")
                        .strippingPrefix()
                        .toUpstream("http://orders")
                        .build(),
                1);
        table.commit();

        GatewayRoute prefixed = table.match("h", "GET", "/ordersfoo/1");

        assertThat(prefixed.routeId()).isEqualTo("root");
        assertThat(upstreamUri(prefixed, "/ordersfoo/1", null)).isEqualTo("/ordersfoo/1");
    }

    @Test
    void stripPrefixOnTheRootPrefixKeepsThePath() {
        GatewayRoute route =
                GatewayRoute.of(aRoute().onPrefix("/").strippingPrefix().build());

        assertThat(route.upstreamPath("/a/b")).isEqualTo("/a/b");
    }
}
