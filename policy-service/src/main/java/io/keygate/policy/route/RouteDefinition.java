package io.keygate.policy.route;

import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import java.util.List;

/**
 * Everything a caller sets on a route (a definition replaces the previous one whole). {@link RouteRules}
 * checks and normalises it.
 *
 * @param name              human name, or null
 * @param host              exact host, or null / {@code *} for any
 * @param pathPrefix        path prefix
 * @param methods           methods served; empty for all
 * @param targets           upstreams with weights
 * @param healthCheckPath   probe path, or null
 * @param stripPrefix       whether the prefix is removed before the request goes upstream
 * @param connectTimeoutMs  connect timeout
 * @param readTimeoutMs     read timeout
 * @param retries           retries for idempotent methods
 * @param scopeRequirements scopes per method and path pattern
 * @param credentialKinds   accepted credential kinds
 * @param maxBodyBytes      largest request body
 * @param cors              CORS policy, or null
 */
public record RouteDefinition(
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
        CorsPolicy cors) {}
