package io.keygate.policy.route;

import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteDeleted;
import io.keygate.events.policy.RouteEvent;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteStatus;
import io.keygate.eventstore.Decider;
import io.keygate.policy.route.RouteCommand.DefineRoute;
import io.keygate.policy.route.RouteCommand.DeleteRoute;
import java.util.List;

/**
 * The route aggregate as pure functions: {@link #decide} validates a command against the state and returns the
 * events; {@link #evolve} folds an event into the state ({@code null} before the route exists). That no other
 * active route claims the same host, prefix and a method, and that the API is active, are checked in the
 * command's transaction (they span aggregates), not here.
 */
public final class Route {

    /** The aggregate type of routes in the event store. */
    public static final String AGGREGATE_TYPE = "route";

    private Route() {}

    /** The rules as the event store runs them, with the SSRF guard the service is configured with. */
    public static Decider<RouteCommand, RouteState, RouteEvent> decider(UpstreamGuard guard) {
        return Decider.of(AGGREGATE_TYPE, (command, state) -> decide(command, state, guard), Route::evolve);
    }

    /** The events a command produces; none when nothing would change. */
    public static List<RouteEvent> decide(RouteCommand command, RouteState state, UpstreamGuard guard) {
        if (state != null
                && (!state.tenantId().equals(command.tenantId())
                        || !state.apiId().equals(command.apiId()))) {
            throw new RouteRejectedException(new RouteRejection.NotFound(command.routeId()));
        }
        if (command instanceof DeleteRoute delete) {
            if (state == null) {
                throw new RouteRejectedException(new RouteRejection.NotFound(command.routeId()));
            }
            return state.status() == RouteStatus.DELETED
                    ? List.of()
                    : List.of(new RouteDeleted(withStatus(state, RouteStatus.DELETED, state.version() + 1, delete)));
        }
        DefineRoute define = (DefineRoute) command;
        if (state == null && define.mustExist()) {
            throw new RouteRejectedException(new RouteRejection.NotFound(command.routeId()));
        }
        if (state != null && state.status() == RouteStatus.DELETED) {
            throw new RouteRejectedException(new RouteRejection.Deleted(command.routeId()));
        }
        RouteDefinition d = RouteRules.check(define.definition(), guard);
        if (state != null && d.equals(definitionOf(state))) {
            return List.of();
        }
        long version = state == null ? 1 : state.version() + 1;
        return List.of(new RouteDefined(new RouteState(
                define.routeId(),
                define.tenantId(),
                define.apiId(),
                d.name(),
                d.host(),
                d.pathPrefix(),
                d.methods(),
                d.targets(),
                d.healthCheckPath(),
                d.stripPrefix(),
                d.connectTimeoutMs(),
                d.readTimeoutMs(),
                d.retries(),
                d.scopeRequirements(),
                d.credentialKinds(),
                d.maxBodyBytes(),
                d.cors(),
                RouteStatus.ACTIVE,
                version,
                define.at())));
    }

    /** The state after an event. */
    public static RouteState evolve(RouteState state, RouteEvent event) {
        return event.route();
    }

    /** The state after a history; null for none. */
    public static RouteState replay(List<? extends RouteEvent> history) {
        RouteState state = null;
        for (RouteEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    /** What a caller set on the route, as a definition. */
    public static RouteDefinition definitionOf(RouteState s) {
        return new RouteDefinition(
                s.name(),
                s.host(),
                s.pathPrefix(),
                s.methods(),
                s.targets(),
                s.healthCheckPath(),
                s.stripPrefix(),
                s.connectTimeoutMs(),
                s.readTimeoutMs(),
                s.retries(),
                s.scopeRequirements(),
                s.credentialKinds(),
                s.maxBodyBytes(),
                s.cors());
    }

    private static RouteState withStatus(RouteState s, RouteStatus status, long version, RouteCommand command) {
        return new RouteState(
                s.routeId(),
                s.tenantId(),
                s.apiId(),
                s.name(),
                s.host(),
                s.pathPrefix(),
                s.methods(),
                s.targets(),
                s.healthCheckPath(),
                s.stripPrefix(),
                s.connectTimeoutMs(),
                s.readTimeoutMs(),
                s.retries(),
                s.scopeRequirements(),
                s.credentialKinds(),
                s.maxBodyBytes(),
                s.cors(),
                status,
                version,
                command.at());
    }
}
