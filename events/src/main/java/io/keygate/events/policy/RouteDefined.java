package io.keygate.events.policy;

/**
 * A route was defined or redefined. Type {@code io.keygate.route.defined.v1}.
 *
 * @param route the route's full state after the change
 */
public record RouteDefined(RouteState route) implements PolicyEvent {

    @Override
    public String aggregateId() {
        return route.routeId();
    }

    @Override
    public String tenantId() {
        return route.tenantId();
    }
}
