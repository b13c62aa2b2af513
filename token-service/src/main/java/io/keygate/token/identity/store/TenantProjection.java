package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.TenantEvent;
import io.keygate.events.identity.TenantState;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.identity.tenant.Tenant;
import io.keygate.token.store.StateJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code tenant} read model: written in the command's transaction, read by the REST API. */
@ApplicationScoped
public class TenantProjection implements RebuildableProjection {

    private final Pool pool;

    TenantProjection(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "tenant";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Tenant.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("tenant");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String tenantId, List<EventEnvelope<KeygateEvent>> events) {
        TenantState state = Tenant.DECIDER.replay(
                events.stream().map(e -> (TenantEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes a tenant's state, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, TenantState tenant, long version) {
        return tx.preparedQuery("""
                        INSERT INTO tenant (tenant_id, name, created_at, version, state)
                        VALUES ($1, $2, $3, $4, ($5::text)::jsonb)
                        ON CONFLICT (tenant_id) DO UPDATE SET name = $2, version = $4, state = ($5::text)::jsonb""")
                .execute(Tuple.of(
                        tenant.tenantId(), tenant.name(), utc(tenant.createdAt()), version, StateJson.write(tenant)))
                .replaceWithVoid();
    }

    /** Whether the tenant exists, holding a share lock on its row until {@code tx} ends. */
    public Uni<Boolean> lockExists(SqlConnection tx, String tenantId) {
        return tx.preparedQuery("SELECT 1 FROM tenant WHERE tenant_id = $1 FOR SHARE")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 1);
    }

    /** A tenant, or null. */
    public Uni<TenantState> find(String tenantId) {
        return pool.preparedQuery("SELECT tenant_id, state::text AS state_json FROM tenant WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** Tenants by id. */
    public Uni<List<TenantState>> list(int limit) {
        return pool.preparedQuery("SELECT tenant_id, state::text AS state_json FROM tenant ORDER BY tenant_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<TenantState> tenants = new ArrayList<>();
                    rows.forEach(row -> tenants.add(toState(row)));
                    return tenants;
                });
    }

    private static TenantState toState(Row row) {
        return StateJson.read(row.getString("state_json"), TenantState.class, row.getString("tenant_id"));
    }
}
