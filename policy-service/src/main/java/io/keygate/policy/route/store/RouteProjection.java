package io.keygate.policy.route.store;

import io.keygate.events.policy.RouteState;
import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code route} read model, written in the command's transaction. */
@ApplicationScoped
public class RouteProjection {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    RouteProjection(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(15) StartupEvent startup) {
        pool.query(resource("/io/keygate/policy/schema.sql")).execute().await().atMost(Duration.ofSeconds(30));
    }

    /** Writes a route's state; a prefix already served by another route fails with PrefixTaken. */
    public Uni<Void> upsert(SqlConnection tx, RouteState route) {
        return tx.preparedQuery("""
                        INSERT INTO route (route_id, tenant_id, name, path_prefix, upstream_url, version, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (route_id) DO UPDATE SET name = $3, path_prefix = $4, upstream_url = $5,
                            version = $6, updated_at = $7""")
                .execute(Tuple.tuple()
                        .addString(route.routeId())
                        .addString(route.tenantId())
                        .addString(route.name())
                        .addString(route.pathPrefix())
                        .addString(route.upstreamUrl())
                        .addLong(route.version())
                        .addOffsetDateTime(route.updatedAt().atOffset(ZoneOffset.UTC)))
                .onFailure(e -> e instanceof PgException pg
                        && UNIQUE_VIOLATION.equals(pg.getSqlState())
                        && pg.getConstraint() != null
                        && pg.getConstraint().contains("path_prefix"))
                .transform(e -> new RouteRejectedException(new RouteRejection.PrefixTaken(route.pathPrefix())))
                .replaceWithVoid();
    }

    /** A tenant's route, or null. */
    public Uni<RouteState> find(String tenantId, String routeId) {
        return pool.preparedQuery("SELECT * FROM route WHERE tenant_id = $1 AND route_id = $2")
                .execute(Tuple.of(tenantId, routeId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** A tenant's routes by prefix. */
    public Uni<List<RouteState>> list(String tenantId) {
        return pool.preparedQuery("SELECT * FROM route WHERE tenant_id = $1 ORDER BY path_prefix")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<RouteState> routes = new ArrayList<>();
                    rows.forEach(row -> routes.add(toState(row)));
                    return routes;
                });
    }

    private static RouteState toState(Row row) {
        return new RouteState(
                row.getString("route_id"),
                row.getString("tenant_id"),
                row.getString("name"),
                row.getString("path_prefix"),
                row.getString("upstream_url"),
                row.getLong("version"),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static String resource(String name) {
        try (InputStream in = RouteProjection.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
