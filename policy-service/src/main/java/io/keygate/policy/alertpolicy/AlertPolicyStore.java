package io.keygate.policy.alertpolicy;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.AlertPolicyEvent;
import io.keygate.events.policy.AlertPolicySet;
import io.keygate.events.policy.AlertPolicyState;
import io.keygate.eventstore.RebuildableProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The {@code alert_policy} read model (one row per tenant). */
@ApplicationScoped
public class AlertPolicyStore implements RebuildableProjection {

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    AlertPolicyStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "alert_policy";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AlertPolicy.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("alert_policy");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String aggregateId, List<EventEnvelope<KeygateEvent>> events) {
        return upsert(tx, ((AlertPolicyEvent) events.get(events.size() - 1).data()).policy());
    }

    /** Writes a tenant's policy, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, AlertPolicyState policy) {
        return tx.preparedQuery("""
                        INSERT INTO alert_policy (tenant_id, version, state) VALUES ($1, $2, ($3::text)::jsonb)
                        ON CONFLICT (tenant_id) DO UPDATE SET version = $2, state = ($3::text)::jsonb""")
                .execute(Tuple.of(
                        policy.tenantId(),
                        policy.version(),
                        new String(codec.toJson(new AlertPolicySet(policy)), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    /** A tenant's policy, or null. */
    public Uni<AlertPolicyState> find(String tenantId) {
        return pool.preparedQuery("SELECT state::text AS state FROM alert_policy WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0
                        ? null
                        : codec.fromJson(
                                        rows.iterator()
                                                .next()
                                                .getString("state")
                                                .getBytes(StandardCharsets.UTF_8),
                                        AlertPolicySet.class)
                                .policy());
    }
}
