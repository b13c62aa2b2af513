package io.keygate.policy.route;

import io.keygate.events.policy.PolicyEvent;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import java.util.List;

/**
 * The route aggregate as pure functions: {@link #decide} validates a command against the state and
 * returns the events; {@link #evolve} folds an event into the state ({@code null} before the route exists).
 */
public final class Route {

    private Route() {}

    /** The events a definition produces; none when nothing would change. */
    public static List<PolicyEvent> decide(DefineRoute command, RouteState state) {
        if (state != null && !state.tenantId().equals(command.tenantId())) {
            throw new RouteRejectedException(new RouteRejection.NotFound(command.routeId()));
        }
        String prefix = RoutePaths.normalisePrefix(command.pathPrefix());
        String upstream = RoutePaths.validateUpstream(command.upstreamUrl());
        if (state != null
                && prefix.equals(state.pathPrefix())
                && upstream.equals(state.upstreamUrl())
                && java.util.Objects.equals(command.name(), state.name())) {
            return List.of();
        }
        long version = state == null ? 1 : state.version() + 1;
        return List.of(new RouteDefined(new RouteState(
                command.routeId(), command.tenantId(), command.name(), prefix, upstream, version, command.at())));
    }

    /** The state after an event. */
    public static RouteState evolve(RouteState state, PolicyEvent event) {
        return ((RouteDefined) event).route();
    }

    /** The state after a history; null for none. */
    public static RouteState replay(List<? extends PolicyEvent> history) {
        RouteState state = null;
        for (PolicyEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }
}
