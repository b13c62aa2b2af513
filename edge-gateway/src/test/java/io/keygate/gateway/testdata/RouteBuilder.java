package io.keygate.gateway.testdata;

import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteStatus;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds {@link RouteState}s for tests. */
public final class RouteBuilder {

    private String routeId = "rt_" + UUID.randomUUID();
    private String tenantId = "tenant_" + UUID.randomUUID();
    private String apiId = "api_" + UUID.randomUUID().toString().replace("-", "");
    private String pathPrefix = "/";
    private String host = RouteState.ANY_HOST;
    private List<String> methods = List.of();
    private List<ScopeRequirement> scopeRequirements = List.of();
    private List<CredentialKind> credentialKinds = List.of(CredentialKind.API_KEY);
    private List<RouteTarget> targets = List.of(new RouteTarget("http://upstream.test:8080", 1));
    private boolean stripPrefix;
    private int connectTimeoutMs = 5_000;
    private int readTimeoutMs = 30_000;
    private int retries;
    private long maxBodyBytes = 1_048_576;
    private CorsPolicy cors;
    private long version = 1;
    private Instant updatedAt = Instant.parse("2026-01-01T00:00:00Z");

    private RouteBuilder() {}

    public static RouteBuilder aRoute() {
        return new RouteBuilder();
    }

    public RouteBuilder withRouteId(String id) {
        this.routeId = id;
        return this;
    }

    public RouteBuilder ofTenant(String tenant) {
        this.tenantId = tenant;
        return this;
    }

    public RouteBuilder ofApi(String id) {
        this.apiId = id;
        return this;
    }

    public RouteBuilder onHost(String name) {
        this.host = name;
        return this;
    }

    public RouteBuilder forMethods(String... names) {
        this.methods = List.of(names);
        return this;
    }

    public RouteBuilder requiring(ScopeRequirement... requirements) {
        this.scopeRequirements = List.of(requirements);
        return this;
    }

    public RouteBuilder accepting(CredentialKind... kinds) {
        this.credentialKinds = List.of(kinds);
        return this;
    }

    public RouteBuilder onPrefix(String prefix) {
        this.pathPrefix = prefix;
        return this;
    }

    public RouteBuilder toUpstream(String url) {
        this.targets = List.of(new RouteTarget(url, 1));
        return this;
    }

    public RouteBuilder toTargets(RouteTarget... weighted) {
        this.targets = List.of(weighted);
        return this;
    }

    public RouteBuilder strippingPrefix() {
        this.stripPrefix = true;
        return this;
    }

    public RouteBuilder withTimeouts(int connectMs, int readMs) {
        this.connectTimeoutMs = connectMs;
        this.readTimeoutMs = readMs;
        return this;
    }

    public RouteBuilder withRetries(int count) {
        this.retries = count;
        return this;
    }

    public RouteBuilder withMaxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    public RouteBuilder withCors(CorsPolicy policy) {
        this.cors = policy;
        return this;
    }

    public RouteBuilder atVersion(long routeVersion) {
        this.version = routeVersion;
        return this;
    }

    public RouteBuilder updatedAt(Instant at) {
        this.updatedAt = at;
        return this;
    }

    public RouteState build() {
        return new RouteState(
                routeId,
                tenantId,
                apiId,
                "test route",
                host,
                pathPrefix,
                methods,
                targets,
                null,
                stripPrefix,
                connectTimeoutMs,
                readTimeoutMs,
                retries,
                scopeRequirements,
                credentialKinds,
                maxBodyBytes,
                cors,
                RouteStatus.ACTIVE,
                version,
                updatedAt);
    }
}
