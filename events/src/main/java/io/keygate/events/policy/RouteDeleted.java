package io.keygate.events.policy;

/**
 * A route was deleted: gateways stop serving it. Type {@code io.keygate.route.deleted.v1}.
 *
 * @param route the route's last state, with status {@code DELETED}
 */
public record RouteDeleted(RouteState route) implements RouteEvent {}
