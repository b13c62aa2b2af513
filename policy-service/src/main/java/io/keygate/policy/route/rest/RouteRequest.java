package io.keygate.policy.route.rest;

import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import io.keygate.policy.route.RouteDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of route create and redefinition (a redefinition replaces the whole definition). Left-out optional
 * fields take their defaults.
 *
 * @param name              human name
 * @param host              exact host, or {@code *} / left out for any host
 * @param pathPrefix        requests whose path starts with it match, e.g. {@code /orders}
 * @param methods           methods served; left out or empty for all
 * @param targets           upstreams {@code [{url, weight}]}, at least one
 * @param healthCheckPath   probe path on each target, e.g. {@code /health}
 * @param stripPrefix       remove the prefix before proxying (default false)
 * @param connectTimeoutMs  default 5000, 100..60000
 * @param readTimeoutMs     default 30000, 100..300000
 * @param retries           default 0, 0..5, for idempotent methods only
 * @param scopeRequirements {@code [{methods, pathPattern, scopes}]}
 * @param credentialKinds   subset of API_KEY, JWT; default [API_KEY]
 * @param maxBodyBytes      default 1 MiB, up to 100 MiB
 * @param cors              CORS policy, or left out for none
 */
public record RouteRequest(
        @Size(max = 100) String name,
        @Size(max = 253) String host,
        @NotNull @Size(max = 512) String pathPrefix,
        @Size(max = 7) List<String> methods,
        @NotNull @Size(min = 1, max = 16) List<@Valid TargetBody> targets,
        @Size(max = 512) String healthCheckPath,
        Boolean stripPrefix,
        Integer connectTimeoutMs,
        Integer readTimeoutMs,
        Integer retries,
        @Size(max = 100) List<@Valid ScopeRequirementBody> scopeRequirements,
        @Size(max = 2) List<CredentialKind> credentialKinds,
        Long maxBodyBytes,
        @Valid CorsBody cors) {

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    static final int DEFAULT_READ_TIMEOUT_MS = 30_000;
    static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;

    /**
     * One upstream.
     *
     * @param url    http(s) URL the request path is appended to
     * @param weight relative share of traffic, 1..1000 (default 1)
     */
    public record TargetBody(@NotNull @Size(max = 2048) String url, Integer weight) {}

    /**
     * Scopes needed for some requests.
     *
     * @param methods     methods it applies to; empty for all
     * @param pathPattern e.g. {@code /orders/**}
     * @param scopes      scopes all needed
     */
    public record ScopeRequirementBody(
            @Size(max = 7) List<String> methods,
            @NotNull @Size(max = 512) String pathPattern,
            @NotNull @Size(min = 1, max = 50) List<String> scopes) {}

    /**
     * CORS answers.
     *
     * @param allowedOrigins   origins or {@code *} (not with credentials)
     * @param allowedMethods   methods
     * @param allowedHeaders   request headers
     * @param allowCredentials default false
     * @param maxAgeSeconds    preflight cache, default 600
     */
    public record CorsBody(
            @NotNull @Size(min = 1, max = 50) List<String> allowedOrigins,
            @Size(max = 7) List<String> allowedMethods,
            @Size(max = 50) List<String> allowedHeaders,
            Boolean allowCredentials,
            Integer maxAgeSeconds) {}

    RouteDefinition toDefinition() {
        return new RouteDefinition(
                name,
                host,
                pathPrefix,
                methods == null ? List.of() : methods,
                targets.stream()
                        .map(t -> t == null ? null : new RouteTarget(t.url(), t.weight() == null ? 1 : t.weight()))
                        .toList(),
                healthCheckPath,
                Boolean.TRUE.equals(stripPrefix),
                connectTimeoutMs == null ? DEFAULT_CONNECT_TIMEOUT_MS : connectTimeoutMs,
                readTimeoutMs == null ? DEFAULT_READ_TIMEOUT_MS : readTimeoutMs,
                retries == null ? 0 : retries,
                scopeRequirements == null
                        ? List.of()
                        : scopeRequirements.stream()
                                .map(r -> r == null
                                        ? null
                                        : new ScopeRequirement(r.methods(), r.pathPattern(), r.scopes()))
                                .toList(),
                credentialKinds == null ? List.of(CredentialKind.API_KEY) : credentialKinds,
                maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes,
                cors == null
                        ? null
                        : new CorsPolicy(
                                cors.allowedOrigins(),
                                cors.allowedMethods(),
                                cors.allowedHeaders(),
                                Boolean.TRUE.equals(cors.allowCredentials()),
                                cors.maxAgeSeconds() == null ? 600 : cors.maxAgeSeconds()));
    }
}
