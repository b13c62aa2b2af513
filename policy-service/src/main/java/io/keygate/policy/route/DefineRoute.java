package io.keygate.policy.route;

import java.time.Instant;

/**
 * Command: define a route, or redefine an existing one of the same tenant.
 *
 * @param routeId     the route
 * @param tenantId    the tenant the caller acts for
 * @param name        human name
 * @param pathPrefix  normalised path prefix (see {@link RoutePaths})
 * @param upstreamUrl validated upstream URL
 * @param at          when
 */
public record DefineRoute(
        String routeId, String tenantId, String name, String pathPrefix, String upstreamUrl, Instant at) {}
