package io.keygate.token.alert.store;

import io.keygate.events.policy.AlertPolicyState;
import io.keygate.token.store.SchemaScripts;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/** Tenants' alert policies as far as revocation goes, from the policy-service's {@code alert-policy.set} events. */
@ApplicationScoped
public class TenantAlertPolicyStore {

    private final Pool pool;

    TenantAlertPolicyStore(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(16) StartupEvent startup) {
        pool.query(SchemaScripts.load("/io/keygate/token/alert/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    /** Stores a policy unless a higher version is stored already. */
    public Uni<Void> save(AlertPolicyState policy) {
        return pool.preparedQuery("""
                        INSERT INTO tenant_alert_policy (tenant_id, revoke_keys, version) VALUES ($1, $2, $3)
                        ON CONFLICT (tenant_id) DO UPDATE SET revoke_keys = $2, version = $3
                        WHERE tenant_alert_policy.version < $3""")
                .execute(Tuple.of(policy.tenantId(), policy.revokeKeys(), policy.version()))
                .replaceWithVoid();
    }

    /** Whether the tenant's alert policy lets critical alerts revoke keys (false without a policy). */
    public Uni<Boolean> revokesKeys(String tenantId) {
        return pool.preparedQuery("SELECT revoke_keys FROM tenant_alert_policy WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("revoke_keys"));
    }
}
