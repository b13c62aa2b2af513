package io.keygate.gateway.state;

import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteTarget;
import io.keygate.gateway.balance.TargetBalancer;
import io.keygate.gateway.cors.CorsRules;
import java.util.List;

/**
 * A route as the gateway serves it: the published state plus everything parsed from it once, when it is applied,
 * rather than on every request.
 *
 * @param state       the route's state from its latest applied event
 * @param upstreams   the route's targets, parsed, in the route's order
 * @param balancer    chooses among {@code upstreams}, with their passive health
 * @param scopeRules  the route's scope requirements, compiled
 * @param strippedPrefix the prefix removed from request paths before they go upstream (matching form), or null when
 *                    the route keeps the path whole
 * @param cors        the route's CORS rules, or null when it has none
 */
public record GatewayRoute(
        RouteState state,
        List<Upstream> upstreams,
        TargetBalancer balancer,
        List<ScopeRule> scopeRules,
        String strippedPrefix,
        CorsRules cors) {

    /**
     * A published route made servable: its targets parsed, its scope requirements compiled.
     *
     * @throws IllegalArgumentException when a target URL or weight is unusable
     */
    public static GatewayRoute of(RouteState state) {
        String prefix = RouteTable.normalise(state.pathPrefix());
        return new GatewayRoute(
                state,
                state.targets().stream().map(t -> Upstream.parse(t.url())).toList(),
                TargetBalancer.weighted(
                        state.targets().stream().map(RouteTarget::weight).toList()),
                state.scopeRequirements().stream().map(ScopeRule::of).toList(),
                state.stripPrefix() && !prefix.equals("/") ? prefix : null,
                state.cors() == null ? null : CorsRules.of(state.cors(), state.methods()));
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

    /**
     * The path to send upstream for a (normalised) request path the route matched: without the route's prefix when
     * it strips it ({@code /orders/42} → {@code /42}; {@code /orders} → {@code ""}, which the upstream's base path
     * or {@code /} replaces), else unchanged.
     */
    public String upstreamPath(String path) {
        if (strippedPrefix == null || !path.startsWith(strippedPrefix)) {
            return path;
        }
        // The route matched, so the prefix ends at a segment boundary: the rest is empty or starts with '/'.
        return path.substring(strippedPrefix.length());
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
