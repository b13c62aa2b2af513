package io.keygate.policy.route.store;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteEvent;
import io.keygate.events.policy.RouteState;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.policy.route.Route;
import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.keygate.policy.route.RouteRules;
import io.keygate.policy.store.PolicySchema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code api_route} read model and the {@code route_claim} table, written in the command's transaction.
 * A route's claims (host + prefix + each method) are unique across all tenants: that is what refuses a second
 * route on the same host, prefix and method, race-free.
 */
@ApplicationScoped
public class RouteProjection implements RebuildableProjection {

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    RouteProjection(Pool pool, PolicySchema schema) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Route.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("api_route", "route_claim");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String routeId, List<EventEnvelope<KeygateEvent>> events) {
        RouteState state =
                Route.replay(events.stream().map(e -> (RouteEvent) e.data()).toList());
        return claim(tx, state).chain(() -> upsert(tx, state));
    }

    /**
     * Replaces the route's claims with those of {@code route} (none once deleted); fails with
     * {@link RouteRejection.Conflict} naming the other route if another active route holds one of them. Of two
     * transactions claiming the same, the second waits for the first and then fails.
     */
    public Uni<Void> claim(SqlConnection tx, RouteState route) {
        Uni<?> released =
                tx.preparedQuery("DELETE FROM route_claim WHERE route_id = $1").execute(Tuple.of(route.routeId()));
        if (!route.servesTraffic()) {
            return released.replaceWithVoid();
        }
        String[] methods = RouteRules.claimedMethods(route).toArray(String[]::new);
        Tuple claim = Tuple.of(route.routeId(), route.host(), route.pathPrefix(), methods);
        return released.chain(() -> tx.preparedQuery("""
                                INSERT INTO route_claim (host, path_prefix, method, route_id)
                                SELECT $2, $3, m, $1 FROM unnest($4::text[]) AS m
                                ON CONFLICT DO NOTHING RETURNING method""").execute(claim))
                .chain(inserted -> inserted.size() == methods.length
                        ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("""
                                        SELECT route_id, method FROM route_claim
                                        WHERE host = $2 AND path_prefix = $3 AND method = ANY($4::text[])
                                            AND route_id <> $1
                                        ORDER BY method LIMIT 1""").execute(claim).map(rows -> {
                            Row other = rows.iterator().next();
                            throw new RouteRejectedException(new RouteRejection.Conflict(
                                    other.getString("route_id"),
                                    route.host(),
                                    route.pathPrefix(),
                                    other.getString("method")));
                        }));
    }

    /** Writes a route's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, RouteState route) {
        return tx.preparedQuery("""
                        INSERT INTO api_route (route_id, tenant_id, api_id, host, path_prefix, status, version,
                            updated_at, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::text)::jsonb)
                        ON CONFLICT (route_id) DO UPDATE SET host = $4, path_prefix = $5, status = $6, version = $7,
                            updated_at = $8, state = ($9::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(route.routeId())
                        .addString(route.tenantId())
                        .addString(route.apiId())
                        .addString(route.host())
                        .addString(route.pathPrefix())
                        .addString(route.status().name())
                        .addLong(route.version())
                        .addOffsetDateTime(route.updatedAt().atOffset(ZoneOffset.UTC))
                        .addString(new String(codec.toJson(new RouteDefined(route)), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    /** A route of a tenant's API (active or deleted), or null. */
    public Uni<RouteState> find(String tenantId, String apiId, String routeId) {
        return pool.preparedQuery("""
                        SELECT state::text AS state FROM api_route
                        WHERE tenant_id = $1 AND api_id = $2 AND route_id = $3""")
                .execute(Tuple.of(tenantId, apiId, routeId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** The active routes of a tenant's API, by host and prefix. */
    public Uni<List<RouteState>> list(String tenantId, String apiId) {
        return pool.preparedQuery("""
                        SELECT state::text AS state FROM api_route
                        WHERE tenant_id = $1 AND api_id = $2 AND status = 'ACTIVE'
                        ORDER BY host, path_prefix, route_id""").execute(Tuple.of(tenantId, apiId)).map(rows -> {
            List<RouteState> routes = new ArrayList<>();
            rows.forEach(row -> routes.add(toState(row)));
            return routes;
        });
    }

    private RouteState toState(Row row) {
        return codec.fromJson(row.getString("state").getBytes(StandardCharsets.UTF_8), RouteDefined.class)
                .route();
    }
}
