package io.keygate.policy.route;

import java.time.Instant;

/** Commands on the route aggregate. */
public sealed interface RouteCommand {

    /** The route the command is about. */
    String routeId();

    /** The tenant the caller acts for. */
    String tenantId();

    /** The API in whose path the caller addressed the route. */
    String apiId();

    /** When. */
    Instant at();

    /**
     * Define a route of an API, or redefine an existing active one (the definition replaces the previous one).
     *
     * @param mustExist true for a redefinition (404 if the route does not exist), false for a creation
     */
    record DefineRoute(
            String routeId, String tenantId, String apiId, RouteDefinition definition, boolean mustExist, Instant at)
            implements RouteCommand {}

    /** Delete a route; deleting a deleted one emits nothing. */
    record DeleteRoute(String routeId, String tenantId, String apiId, Instant at) implements RouteCommand {}
}
