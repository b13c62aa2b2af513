package io.keygate.gateway.state;

import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteState;
import java.util.List;

/**
 * A route as the gateway serves it: the published state plus its parsed upstream.
 *
 * @param state      the route's state from its latest applied event
 * @param upstream   where matching requests go
 * @param scopeRules the route's scope requirements, compiled
 */
public record GatewayRoute(RouteState state, Upstream upstream, List<ScopeRule> scopeRules) {

    /** A published route made servable: its first target parsed, its scope requirements compiled. */
    public static GatewayRoute of(RouteState state) {
        // The first target only, for now: weighted balancing and health checks come with the proxy's upgrade.
        return new GatewayRoute(
                state,
                Upstream.parse(state.targets().get(0).url()),
                state.scopeRequirements().stream().map(ScopeRule::of).toList());
    }

    /** Whether the route serves a request for {@code host} (null: unknown) with {@code method}. */
    public boolean serves(String host, String method) {
        String routeHost = state.host();
        boolean hostMatches = RouteState.ANY_HOST.equals(routeHost) || (host != null && routeHost.equals(host));
        return hostMatches && (state.methods().isEmpty() || state.methods().contains(method));
    }

    /**
     * Whether the route accepts credentials of {@code kind}. A route listing none accepts API keys only, as the
     * policy-service defaults a route defined without a list.
     */
    public boolean accepts(CredentialKind kind) {
        List<CredentialKind> kinds = state.credentialKinds();
        return kinds.isEmpty() ? kind == CredentialKind.API_KEY : kinds.contains(kind);
    }

    /** Id of the route. */
    public String routeId() {
        return state.routeId();
    }

    /** The API the route belongs to: a caller's application needs an approved subscription to it. */
    public String apiId() {
        return state.apiId();
    }

    /** Tenant owning the route's API. */
    public String tenantId() {
        return state.tenantId();
    }
}
