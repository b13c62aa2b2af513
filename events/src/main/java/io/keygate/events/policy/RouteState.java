package io.keygate.events.policy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The full state of a route of an API: requests for {@code host} whose path starts with {@code pathPrefix} and
 * whose method is in {@code methods} go to one of {@code targets}.
 *
 * @param routeId           stable id, {@code rt_} + 32 lowercase hex digits
 * @param tenantId          owning tenant (the API's); only its credentials are accepted on the route
 * @param apiId             the API the route belongs to
 * @param name              human name, or null
 * @param host              exact request host (lowercase, no port) or {@code *} for any host
 * @param pathPrefix        path prefix, starting with {@code /}; the longest matching prefix wins
 * @param methods           HTTP methods served, upper case; empty for all
 * @param targets           upstreams with weights, at least one
 * @param healthCheckPath   path probed on each target to tell it is up, or null
 * @param stripPrefix       whether the prefix is removed from the path before it goes upstream
 * @param connectTimeoutMs  upstream connect timeout
 * @param readTimeoutMs     upstream read timeout
 * @param retries           retries after a failed upstream attempt, 0..5, for idempotent methods only
 *                          ({@link #retriesFor})
 * @param scopeRequirements scopes needed per method and path pattern
 * @param credentialKinds   credential kinds accepted, at least one
 * @param maxBodyBytes      largest request body accepted
 * @param cors              CORS policy, or null for none (no CORS headers)
 * @param status            lifecycle state
 * @param version           the route aggregate's version after the event
 * @param updatedAt         when this state was reached
 */
public record RouteState(
        String routeId,
        String tenantId,
        String apiId,
        String name,
        String host,
        String pathPrefix,
        List<String> methods,
        List<RouteTarget> targets,
        String healthCheckPath,
        boolean stripPrefix,
        int connectTimeoutMs,
        int readTimeoutMs,
        int retries,
        List<ScopeRequirement> scopeRequirements,
        List<CredentialKind> credentialKinds,
        long maxBodyBytes,
        CorsPolicy cors,
        RouteStatus status,
        long version,
        Instant updatedAt) {

    /** Host value meaning "any host". */
    public static final String ANY_HOST = "*";

    /** Methods a retry may repeat: RFC 9110 §9.2.2 idempotent methods. */
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    public RouteState {
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(status, "status");
        methods = methods == null ? List.of() : List.copyOf(methods);
        targets = targets == null ? List.of() : List.copyOf(targets);
        scopeRequirements = scopeRequirements == null ? List.of() : List.copyOf(scopeRequirements);
        credentialKinds = credentialKinds == null ? List.of() : List.copyOf(credentialKinds);
    }

    /**
     * How many times a failed upstream attempt of a request with {@code method} may be retried: the route's
     * retries for an idempotent method, none otherwise (a repeated POST or PATCH could apply twice).
     */
    public int retriesFor(String method) {
        return method != null && IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT)) ? retries : 0;
    }

    /** Whether gateways serve it. (Not a bean getter: it stays out of the JSON.) */
    public boolean servesTraffic() {
        return status == RouteStatus.ACTIVE;
    }
}
