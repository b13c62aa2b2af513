package io.keygate.gateway.state;

import io.keygate.events.policy.RouteState;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes by path prefix, longest prefix first. Prefixes match whole path segments: {@code /orders}
 * matches {@code /orders} and {@code /orders/42} but not {@code /orders-archive}; {@code /} matches
 * every path.
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
    private volatile Map<String, GatewayRoute> byPrefix = Map.of();
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
        // The first target only, for now: weighted balancing, health checks and the route's other policies
        // are enforced by a later issue.
        GatewayRoute gatewayRoute =
                new GatewayRoute(route, Upstream.parse(route.targets().get(0).url()));
        byRouteId.put(route.routeId(), new AppliedRoute(gatewayRoute, sequence));
        changed = true;
        return true;
    }

    /** Publishes the routes applied since the last commit to readers. */
    public void commit() {
        if (!changed) {
            return;
        }
        Map<String, GatewayRoute> next = new HashMap<>();
        for (AppliedRoute applied : byRouteId.values()) {
            if (applied.route() == null) {
                continue;
            }
            // Two routes on one prefix: the most recently updated wins, deterministically.
            next.merge(
                    normalise(applied.route().state().pathPrefix()),
                    applied.route(),
                    (a, b) -> PREFERRED.compare(a, b) >= 0 ? a : b);
        }
        byPrefix = Map.copyOf(next);
        changed = false;
    }

    /** The route with the longest prefix matching {@code path}, or null when none does. */
    public GatewayRoute match(String path) {
        Map<String, GatewayRoute> routes = byPrefix;
        if (routes.isEmpty()) {
            return null;
        }
        String candidate = path == null || path.isEmpty() ? "/" : path;
        while (true) {
            GatewayRoute route = routes.get(candidate);
            if (route != null) {
                return route;
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

    /** A prefix in matching form: leading slash, no trailing slash (except the root). */
    static String normalise(String prefix) {
        String normalised = prefix.startsWith("/") ? prefix : "/" + prefix;
        while (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }
}
