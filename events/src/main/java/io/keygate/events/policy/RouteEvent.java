package io.keygate.events.policy;

/** Events of the route aggregate, published to {@code keygate.policies} keyed by route id. */
public sealed interface RouteEvent extends PolicyEvent permits RouteDefined, RouteDeleted {

    /** The route's full state after the event (event-carried state). */
    RouteState route();

    @Override
    default String aggregateId() {
        return route().routeId();
    }

    @Override
    default String tenantId() {
        return route().tenantId();
    }
}
