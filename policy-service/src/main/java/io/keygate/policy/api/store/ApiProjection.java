package io.keygate.policy.api.store;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.ApiCreated;
import io.keygate.events.policy.ApiEvent;
import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.ApiStatus;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.policy.api.Api;
import io.keygate.policy.api.ApiRejectedException;
import io.keygate.policy.api.ApiRejection;
import io.keygate.policy.store.PolicySchema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The {@code api} read model: written in the command's transaction, read by the REST API and the portal. */
@ApplicationScoped
public class ApiProjection implements RebuildableProjection {

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    ApiProjection(Pool pool, PolicySchema schema) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Api.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        // Not openapi_document: the documents are not in the events, so a rebuild must keep them.
        return List.of("api");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String apiId, List<EventEnvelope<KeygateEvent>> events) {
        ApiState state =
                Api.replay(events.stream().map(e -> (ApiEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes an API's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, ApiState api, long version) {
        return tx.preparedQuery("""
                        INSERT INTO api (api_id, tenant_id, name, visibility, status, openapi_sha256, created_at,
                            version, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::text)::jsonb)
                        ON CONFLICT (api_id) DO UPDATE SET name = $3, visibility = $4, status = $5,
                            openapi_sha256 = $6, version = $8, state = ($9::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(api.apiId())
                        .addString(api.tenantId())
                        .addString(api.name())
                        .addString(api.visibility().name())
                        .addString(api.status().name())
                        .addString(api.openApi() == null ? null : api.openApi().sha256())
                        .addOffsetDateTime(api.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(version)
                        .addString(new String(codec.toJson(new ApiCreated(api)), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    /**
     * The status of a tenant's API, or null if the tenant has none with that id, read with a share lock held
     * until {@code tx} ends: a retirement committing meanwhile waits for {@code tx}, and one that committed
     * before is seen. So no route is added to an API while it is being retired.
     */
    public Uni<ApiStatus> lockStatus(SqlConnection tx, String tenantId, String apiId) {
        return tx.preparedQuery("SELECT status FROM api WHERE api_id = $1 AND tenant_id = $2 FOR SHARE")
                .execute(Tuple.of(apiId, tenantId))
                .map(rows -> rows.size() == 0
                        ? null
                        : ApiStatus.valueOf(rows.iterator().next().getString("status")));
    }

    /**
     * Fails with {@link ApiRejection.HasRoutes} if the API has an active route. Locks the API's row first, so
     * a route being added commits before the count (and is counted) or waits and then sees the API retired.
     */
    public Uni<Void> checkHasNoRoutes(SqlConnection tx, String apiId) {
        return tx.preparedQuery("SELECT api_id FROM api WHERE api_id = $1 FOR UPDATE")
                .execute(Tuple.of(apiId))
                .chain(locked -> tx.preparedQuery(
                                "SELECT route_id FROM api_route WHERE api_id = $1 AND status = 'ACTIVE' LIMIT 1")
                        .execute(Tuple.of(apiId)))
                .map(rows -> {
                    if (rows.size() > 0) {
                        throw new ApiRejectedException(new ApiRejection.HasRoutes(
                                apiId, rows.iterator().next().getString("route_id")));
                    }
                    return null;
                });
    }

    /** A tenant's API (active or retired), or null. */
    public Uni<ApiState> find(String tenantId, String apiId) {
        return pool.preparedQuery("SELECT state::text AS state FROM api WHERE tenant_id = $1 AND api_id = $2")
                .execute(Tuple.of(tenantId, apiId))
                .map(one(this::toState));
    }

    /** A tenant's APIs with the given status, oldest first. */
    public Uni<List<ApiState>> list(String tenantId, ApiStatus status, int limit) {
        return pool.preparedQuery("""
                        SELECT state::text AS state FROM api WHERE tenant_id = $1 AND status = $2
                        ORDER BY created_at, api_id LIMIT $3""")
                .execute(Tuple.of(tenantId, status.name(), limit))
                .map(this::all);
    }

    /** The active APIs a tenant's developer portal lists: its own and every tenant's public ones. */
    public Uni<List<ApiState>> listVisibleTo(String tenantId, int limit) {
        return pool.preparedQuery("""
                        SELECT state::text AS state FROM api
                        WHERE status = 'ACTIVE' AND (tenant_id = $1 OR visibility = 'PUBLIC')
                        ORDER BY created_at, api_id LIMIT $2""").execute(Tuple.of(tenantId, limit)).map(this::all);
    }

    /** An active API a tenant's portal may show (its own, or public), or null. */
    public Uni<ApiState> findVisibleTo(String tenantId, String apiId) {
        return pool.preparedQuery("""
                        SELECT state::text AS state FROM api
                        WHERE api_id = $1 AND status = 'ACTIVE' AND (tenant_id = $2 OR visibility = 'PUBLIC')""").execute(Tuple.of(apiId, tenantId)).map(one(this::toState));
    }

    private List<ApiState> all(RowSet<Row> rows) {
        List<ApiState> apis = new ArrayList<>();
        rows.forEach(row -> apis.add(toState(row)));
        return apis;
    }

    private static <T> Function<RowSet<Row>, T> one(Function<Row, T> map) {
        return rows -> rows.size() == 0 ? null : map.apply(rows.iterator().next());
    }

    private ApiState toState(Row row) {
        return codec.fromJson(row.getString("state").getBytes(StandardCharsets.UTF_8), ApiCreated.class)
                .api();
    }
}
