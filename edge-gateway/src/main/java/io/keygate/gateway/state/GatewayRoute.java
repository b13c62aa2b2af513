package io.keygate.gateway.state;

import io.keygate.events.policy.RouteState;

/**
 * A route as the gateway serves it: the published state plus its parsed upstream.
 *
 * @param state    the route's state from its latest applied event
 * @param upstream where matching requests go
 */
public record GatewayRoute(RouteState state, Upstream upstream) {

    /** Whether the route serves a request for {@code host} (null: unknown) with {@code method}. */
    public boolean serves(String host, String method) {
        String routeHost = state.host();
        boolean hostMatches = RouteState.ANY_HOST.equals(routeHost) || (host != null && routeHost.equals(host));
        return hostMatches && (state.methods().isEmpty() || state.methods().contains(method));
    }

    /** Id of the route. */
    public String routeId() {
        return state.routeId();
    }

    /** The API the route belongs to: a caller's application needs an approved subscription to it. */
    public String apiId() {
        return state.apiId();
    }

    /** Tenant owning the route's API. */
    public String tenantId() {
        return state.tenantId();
    }
}
