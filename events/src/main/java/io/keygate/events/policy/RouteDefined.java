package io.keygate.events.policy;

/**
 * A route was defined or redefined. Type {@code io.keygate.route.defined.v2} (v2: routes belong to an API and
 * carry host, methods, weighted targets and their policies; v1 had one upstream URL per prefix).
 *
 * @param route the route's full state after the change: status {@code ACTIVE}
 */
public record RouteDefined(RouteState route) implements RouteEvent {}
