package io.keygate.policy.route.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.policy.ApiStatus;
import io.keygate.events.policy.RouteEvent;
import io.keygate.events.policy.RouteState;
import io.keygate.eventstore.Decider;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.config.PolicyConfig;
import io.keygate.policy.route.Route;
import io.keygate.policy.route.RouteCommand;
import io.keygate.policy.route.RouteCommand.DefineRoute;
import io.keygate.policy.route.RouteCommand.DeleteRoute;
import io.keygate.policy.route.RouteDefinition;
import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.keygate.policy.route.UpstreamGuard;
import io.keygate.policy.route.store.RouteProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Handles route commands: load, decide (with the configured SSRF guard), then in one transaction check that the
 * API is active and claim the route's host + prefix + methods, append the events and update the read model.
 */
@ApplicationScoped
public class RouteService {

    private final EventStore store;
    private final RouteProjection projection;
    private final ApiProjection apis;
    private final Decider<RouteCommand, RouteState, RouteEvent> decider;
    private final Clock clock = Clock.systemUTC();

    RouteService(EventStore store, RouteProjection projection, ApiProjection apis, PolicyConfig config) {
        this.store = store;
        this.projection = projection;
        this.apis = apis;
        this.decider = Route.decider(UpstreamGuard.of(
                config.upstreams().allowPrivateTargets(), config.upstreams().deniedRanges()));
    }

    /** A new route id. */
    public String newRouteId() {
        return "rt_" + EventEnvelope.newEventId().toString().replace("-", "");
    }

    /** Defines a new route of an API. */
    public Uni<RouteState> create(String tenantId, String apiId, RouteDefinition definition, String correlationId) {
        DefineRoute command = new DefineRoute(newRouteId(), tenantId, apiId, definition, false, now());
        return store.create(decider, command, command.at(), correlationId, writer(command))
                .map(Decision::state);
    }

    /** Replaces the definition of an active route; an unchanged definition changes nothing. */
    public Uni<RouteState> redefine(
            String tenantId, String apiId, String routeId, RouteDefinition definition, String correlationId) {
        return execute(new DefineRoute(routeId, tenantId, apiId, definition, true, now()), correlationId);
    }

    /** Deletes a route, freeing what it claimed; deleting a deleted route changes nothing. */
    public Uni<RouteState> delete(String tenantId, String apiId, String routeId, String correlationId) {
        return execute(new DeleteRoute(routeId, tenantId, apiId, now()), correlationId);
    }

    private Uni<RouteState> execute(RouteCommand command, String correlationId) {
        return store.execute(decider, command.routeId(), command, command.at(), correlationId, writer(command))
                .map(Decision::state);
    }

    private ReadModelWriter<RouteState, RouteEvent> writer(RouteCommand command) {
        return ReadModelWriter.checked(
                (tx, decision) -> command instanceof DeleteRoute
                        ? Uni.createFrom().voidItem()
                        : apiIsActive(tx, command).chain(() -> projection.claim(tx, decision.state())),
                (tx, decision) -> (command instanceof DeleteRoute
                                ? projection.claim(tx, decision.state())
                                : Uni.createFrom().voidItem())
                        .chain(() -> projection.upsert(tx, decision.state())));
    }

    private Uni<Void> apiIsActive(SqlConnection tx, RouteCommand command) {
        return apis.lockStatus(tx, command.tenantId(), command.apiId()).map(status -> {
            if (status != ApiStatus.ACTIVE) {
                throw new RouteRejectedException(
                        new RouteRejection.ApiNotUsable(command.apiId(), status == ApiStatus.RETIRED));
            }
            return null;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
