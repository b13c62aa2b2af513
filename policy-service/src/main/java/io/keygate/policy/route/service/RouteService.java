package io.keygate.policy.route.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.PolicyEvent;
import io.keygate.events.policy.RouteState;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.policy.route.DefineRoute;
import io.keygate.policy.route.Route;
import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.keygate.policy.route.store.RouteProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Handles route commands: load, decide, append events and update the read model in one transaction. */
@ApplicationScoped
public class RouteService {

    static final String AGGREGATE_TYPE = "route";

    private final EventStore store;
    private final RouteProjection projection;
    private final String source;
    private final Clock clock = Clock.systemUTC();

    RouteService(EventStore store, RouteProjection projection, EventStoreConfig storeConfig) {
        this.store = store;
        this.projection = projection;
        this.source = storeConfig.source();
    }

    /** A new route id. */
    public String newRouteId() {
        return "rt_" + EventEnvelope.newEventId().toString().replace("-", "");
    }

    /**
     * Defines or redefines a route.
     *
     * @param mustExist true for an update of an existing route (404 if absent)
     */
    public Uni<RouteState> define(
            String tenantId,
            String routeId,
            String name,
            String pathPrefix,
            String upstreamUrl,
            boolean mustExist,
            String correlationId) {
        DefineRoute command = new DefineRoute(routeId, tenantId, name, pathPrefix, upstreamUrl, now());
        return store.load(routeId).chain(history -> {
            RouteState state = Route.replay(
                    history.stream().map(e -> (PolicyEvent) e.data()).toList());
            if (mustExist && state == null) {
                throw new RouteRejectedException(new RouteRejection.NotFound(routeId));
            }
            List<PolicyEvent> events = Route.decide(command, state);
            if (events.isEmpty()) {
                return Uni.createFrom().item(state);
            }
            List<EventEnvelope<KeygateEvent>> envelopes = new ArrayList<>();
            RouteState next = state;
            for (PolicyEvent event : events) {
                next = Route.evolve(next, event);
                envelopes.add(EventEnvelope.create(source, next.version(), command.at(), correlationId, null, event));
            }
            RouteState result = next;
            return store.appendAndProject(
                            AGGREGATE_TYPE, history.size(), envelopes, tx -> projection.upsert(tx, result))
                    .replaceWith(result);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
