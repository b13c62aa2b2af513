package io.keygate.events.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of a route: requests whose path starts with {@code pathPrefix} go to {@code upstreamUrl}.
 *
 * @param routeId     stable id
 * @param tenantId    owning tenant; only that tenant's credentials are accepted on the route
 * @param name        human name
 * @param pathPrefix  path prefix, starting with {@code /}; the longest matching prefix wins
 * @param upstreamUrl absolute http(s) URL the request is proxied to (the path is appended)
 * @param version     the route aggregate's version after the event
 * @param updatedAt   when this state was reached
 */
public record RouteState(
        String routeId,
        String tenantId,
        String name,
        String pathPrefix,
        String upstreamUrl,
        long version,
        Instant updatedAt) {

    public RouteState {
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(upstreamUrl, "upstreamUrl");
    }
}
