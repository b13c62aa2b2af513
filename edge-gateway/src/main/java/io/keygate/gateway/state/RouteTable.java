package io.keygate.gateway.state;

import io.keygate.events.policy.RouteState;
import io.keygate.gateway.path.RequestPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes by host, method and path prefix. The longest prefix wins; at one prefix a route for the request's exact
 * host wins over one for any host, and a route must serve the request's method (an empty method list serves
 * all). Prefixes match whole path segments: {@code /orders} matches {@code /orders} and {@code /orders/42} but
 * not {@code /orders-archive}; {@code /} matches every path.
 *
 * <p>One writer (the state consumer) {@linkplain #apply applies} route events and then
 * {@linkplain #commit commits} them, which swaps in a new immutable snapshot; readers on the request
 * path only read the current snapshot and take no lock. Committing once per batch of events keeps a
 * catch-up over many routes linear.
 */
public final class RouteTable {

    private static final Comparator<GatewayRoute> PREFERRED = Comparator.comparing(
                    (GatewayRoute route) -> route.state().updatedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(GatewayRoute::routeId, Comparator.reverseOrder());

    private final Map<String, AppliedRoute> byRouteId = new ConcurrentHashMap<>();
    private volatile Map<String, List<GatewayRoute>> byPrefix = Map.of();
    private boolean changed;

    private record AppliedRoute(GatewayRoute route, long sequence) {}

    /**
     * Records a route's state at an aggregate sequence, visible to readers after {@link #commit()}.
     *
     * @return false when the sequence is not newer than the one already applied for the route (a replay)
     * @throws IllegalArgumentException when the route's upstream URL is unusable; the route keeps its
     *                                  previous state
     */
    public boolean apply(RouteState route, long sequence) {
        AppliedRoute previous = byRouteId.get(route.routeId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        if (!route.servesTraffic()) {
            // A deleted route stops matching; its sequence is kept so an older replayed definition stays stale.
            byRouteId.put(route.routeId(), new AppliedRoute(null, sequence));
            changed = true;
            return true;
        }
        GatewayRoute gatewayRoute = GatewayRoute.of(route);
        byRouteId.put(route.routeId(), new AppliedRoute(gatewayRoute, sequence));
        changed = true;
        return true;
    }

    /** Publishes the routes applied since the last commit to readers. */
    public void commit() {
        if (!changed) {
            return;
        }
        Map<String, List<GatewayRoute>> next = new HashMap<>();
        for (AppliedRoute applied : byRouteId.values()) {
            if (applied.route() != null) {
                next.computeIfAbsent(normalise(applied.route().state().pathPrefix()), p -> new ArrayList<>())
                        .add(applied.route());
            }
        }
        // Exact hosts before any-host routes; among equals (policy-service refuses overlapping claims, so only a
        // stale replay could make them) the most recently updated first, deterministically.
        Comparator<GatewayRoute> order = Comparator.comparing((GatewayRoute route) ->
                        RouteState.ANY_HOST.equals(route.state().host()))
                .thenComparing(PREFERRED.reversed());
        next.replaceAll((prefix, routes) -> routes.stream().sorted(order).toList());
        byPrefix = Map.copyOf(next);
        changed = false;
    }

    /**
     * The route for a request: the longest prefix matching {@code path} that has a route for {@code host} (or
     * for any host) serving {@code method}; null when none does.
     *
     * @param host   the request's host name, lower case, without port; null matches only any-host routes
     * @param method the request's method, upper case
     */
    public GatewayRoute match(String host, String method, String path) {
        Map<String, List<GatewayRoute>> routes = byPrefix;
        if (routes.isEmpty()) {
            return null;
        }
        String candidate = path == null || path.isEmpty() ? "/" : path;
        while (true) {
            List<GatewayRoute> atPrefix = routes.get(candidate);
            if (atPrefix != null) {
                for (GatewayRoute route : atPrefix) {
                    if (route.serves(host, method)) {
                        return route;
                    }
                }
            }
            if (candidate.equals("/")) {
                return null;
            }
            int slash = candidate.lastIndexOf('/');
            candidate = slash <= 0 ? "/" : candidate.substring(0, slash);
        }
    }

    /** Number of routes served. */
    public int size() {
        return (int) byRouteId.values().stream().filter(a -> a.route() != null).count();
    }

    /**
     * A prefix in matching form: the form request paths are matched in ({@link RequestPath}), leading slash, no
     * trailing slash (except the root). Prefixes match case-sensitively, as nginx locations and Envoy prefixes do: a
     * route picks an upstream; the scope rules within it match the wider reading.
     */
    static String normalise(String prefix) {
        String normalised = RequestPath.normalise(prefix.startsWith("/") ? prefix : "/" + prefix);
        while (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }
}
