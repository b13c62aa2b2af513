package io.keygate.gateway.state;

import io.keygate.events.policy.RouteState;

/**
 * A route as the gateway serves it: the published state plus its parsed upstream.
 *
 * @param state    the route's state from its latest applied event
 * @param upstream where matching requests go
 */
public record GatewayRoute(RouteState state, Upstream upstream) {

    /** Id of the route. */
    public String routeId() {
        return state.routeId();
    }

    /** Tenant owning the route: only its keys are accepted. */
    public String tenantId() {
        return state.tenantId();
    }
}
