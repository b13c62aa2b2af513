package io.keygate.policy.route.rest;

import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import java.time.Instant;
import java.util.List;

/** A route as the REST API shows it. */
public record RouteView(
        String id,
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
        String status,
        long version,
        Instant updatedAt) {

    static RouteView of(RouteState r) {
        return new RouteView(
                r.routeId(),
                r.tenantId(),
                r.apiId(),
                r.name(),
                r.host(),
                r.pathPrefix(),
                r.methods(),
                r.targets(),
                r.healthCheckPath(),
                r.stripPrefix(),
                r.connectTimeoutMs(),
                r.readTimeoutMs(),
                r.retries(),
                r.scopeRequirements(),
                r.credentialKinds(),
                r.maxBodyBytes(),
                r.cors(),
                r.status().name(),
                r.version(),
                r.updatedAt());
    }
}
