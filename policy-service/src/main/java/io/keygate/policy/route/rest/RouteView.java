package io.keygate.policy.route.rest;

import io.keygate.events.policy.RouteState;
import java.time.Instant;

/** A route as the API shows it. */
public record RouteView(
        String id,
        String tenantId,
        String name,
        String pathPrefix,
        String upstreamUrl,
        long version,
        Instant updatedAt) {

    static RouteView of(RouteState route) {
        return new RouteView(
                route.routeId(),
                route.tenantId(),
                route.name(),
                route.pathPrefix(),
                route.upstreamUrl(),
                route.version(),
                route.updatedAt());
    }
}
