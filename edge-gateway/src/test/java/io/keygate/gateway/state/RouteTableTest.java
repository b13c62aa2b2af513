package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.RouteState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable();

    private RouteState define(RouteState route, long sequence) {
        table.apply(route, sequence);
        table.commit();
        return route;
    }

    private String matchedId(String path) {
        GatewayRoute route = table.match("api.test", "GET", path);
        return route == null ? null : route.routeId();
    }

    @Test
    void longestMatchingPrefixWins() {
        define(aRoute().withRouteId("root").onPrefix("/").build(), 1);
        define(aRoute().withRouteId("orders").onPrefix("/orders").build(), 1);
        define(aRoute().withRouteId("archive").onPrefix("/orders/archive").build(), 1);

        assertThat(matchedId("/orders/archive/2024/01")).isEqualTo("archive");
        assertThat(matchedId("/orders/archive")).isEqualTo("archive");
        assertThat(matchedId("/orders/42")).isEqualTo("orders");
        assertThat(matchedId("/orders")).isEqualTo("orders");
        assertThat(matchedId("/customers/7")).isEqualTo("root");
        assertThat(matchedId("/")).isEqualTo("root");
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        define(aRoute().withRouteId("orders").onPrefix("/orders").build(), 1);

        assertThat(matchedId("/orders-archive")).isNull();
        assertThat(matchedId("/ordersX/1")).isNull();
        assertThat(matchedId("/orders/")).isEqualTo("orders");
    }

    @Test
    void trailingSlashOfPrefixDoesNotMatter() {
        define(aRoute().withRouteId("orders").onPrefix("/orders/").build(), 1);

        assertThat(matchedId("/orders")).isEqualTo("orders");
        assertThat(matchedId("/orders/1")).isEqualTo("orders");
    }

    @Test
    void noRouteMatchesWhenNoneIsDefined() {
        assertThat(table.match("api.test", "GET", "/anything")).isNull();
        define(aRoute().onPrefix("/orders").build(), 1);
        assertThat(table.match("api.test", "GET", "/customers")).isNull();
    }

    @Test
    void appliedRoutesAreInvisibleUntilCommitted() {
        table.apply(aRoute().withRouteId("orders").onPrefix("/orders").build(), 1);
        assertThat(table.match("api.test", "GET", "/orders")).isNull();

        table.commit();
        assertThat(matchedId("/orders")).isEqualTo("orders");
    }

    @Test
    void olderOrEqualSequenceOfARouteIsIgnored() {
        define(aRoute().withRouteId("r").onPrefix("/v2").build(), 2);

        assertThat(table.apply(aRoute().withRouteId("r").onPrefix("/v1").build(), 1))
                .isFalse();
        assertThat(table.apply(aRoute().withRouteId("r").onPrefix("/v1").build(), 2))
                .isFalse();
        table.commit();

        assertThat(matchedId("/v2")).isEqualTo("r");
        assertThat(table.match("api.test", "GET", "/v1")).isNull();
    }

    @Test
    void redefinedRouteMovesToItsNewPrefix() {
        define(aRoute().withRouteId("r").onPrefix("/old").build(), 1);
        define(aRoute().withRouteId("r").onPrefix("/new").build(), 2);

        assertThat(table.match("api.test", "GET", "/old")).isNull();
        assertThat(matchedId("/new")).isEqualTo("r");
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void mostRecentlyUpdatedRouteWinsASharedPrefix() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        define(
                aRoute().withRouteId("newer")
                        .onPrefix("/shared")
                        .updatedAt(t0.plusSeconds(60))
                        .build(),
                1);
        define(aRoute().withRouteId("older").onPrefix("/shared").updatedAt(t0).build(), 1);

        assertThat(matchedId("/shared")).isEqualTo("newer");
    }

    @Test
    void routeWithAnUnusableUpstreamKeepsItsPreviousState() {
        define(
                aRoute().withRouteId("r")
                        .onPrefix("/orders")
                        .toUpstream("http://orders:8080")
                        .build(),
                1);

        assertThatThrownBy(() -> table.apply(
                        aRoute().withRouteId("r")
                                .onPrefix("/orders")
                                .toUpstream("ftp://x")
                                .build(),
                        2))
                .isInstanceOf(IllegalArgumentException.class);
        table.commit();

        assertThat(table.match("api.test", "GET", "/orders").upstreams().get(0).host())
                .isEqualTo("orders");
    }

    @Test
    void anExactHostRouteWinsOverAnAnyHostRouteOnTheSamePrefix() {
        define(
                aRoute().withRouteId("acme")
                        .onHost("api.acme.test")
                        .onPrefix("/orders")
                        .build(),
                1);
        define(aRoute().withRouteId("any").onPrefix("/orders").build(), 1);
        define(
                aRoute().withRouteId("globex")
                        .onHost("api.globex.test")
                        .onPrefix("/orders")
                        .build(),
                1);

        assertThat(table.match("api.acme.test", "GET", "/orders/1").routeId()).isEqualTo("acme");
        assertThat(table.match("api.globex.test", "GET", "/orders/1").routeId()).isEqualTo("globex");
        assertThat(table.match("other.test", "GET", "/orders/1").routeId()).isEqualTo("any");
        assertThat(table.match(null, "GET", "/orders/1").routeId()).isEqualTo("any");
    }

    @Test
    void aHostRouteIsNotServedForAnotherHost() {
        define(
                aRoute().withRouteId("acme")
                        .onHost("api.acme.test")
                        .onPrefix("/orders")
                        .build(),
                1);

        assertThat(table.match("api.globex.test", "GET", "/orders")).isNull();
        assertThat(table.match(null, "GET", "/orders")).isNull();
    }

    @Test
    void aRouteServesOnlyItsMethodsAndAShorterPrefixMayServeTheRest() {
        define(
                aRoute().withRouteId("writes")
                        .onPrefix("/orders")
                        .forMethods("POST", "PUT")
                        .build(),
                1);
        define(aRoute().withRouteId("root").onPrefix("/").forMethods("GET").build(), 1);

        assertThat(table.match("x.test", "POST", "/orders/1").routeId()).isEqualTo("writes");
        assertThat(table.match("x.test", "GET", "/orders/1").routeId()).isEqualTo("root");
        assertThat(table.match("x.test", "DELETE", "/orders/1")).isNull();
    }
}
