package io.keygate.policy.tokenpolicy.store;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.TokenPolicyEvent;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.policy.tokenpolicy.TokenPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The {@code token_policy} read model (one row per tenant, the policy as its last event carried it). */
@ApplicationScoped
public class TokenPolicyProjection implements RebuildableProjection {

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    TokenPolicyProjection(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "token_policy";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(TokenPolicy.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("token_policy");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String aggregateId, List<EventEnvelope<KeygateEvent>> events) {
        return upsert(tx, ((TokenPolicyEvent) events.get(events.size() - 1).data()).policy());
    }

    /** Writes a tenant's policy. */
    public Uni<Void> upsert(SqlConnection tx, TokenPolicyState policy) {
        String json = new String(codec.toJson(new TokenPolicySet(policy)), StandardCharsets.UTF_8);
        return tx.preparedQuery("""
                        INSERT INTO token_policy (tenant_id, version, policy) VALUES ($1, $2, $3)
                        ON CONFLICT (tenant_id) DO UPDATE SET version = $2, policy = $3""")
                .execute(Tuple.of(policy.tenantId(), policy.version(), new JsonObject(json)))
                .replaceWithVoid();
    }

    /** A tenant's policy, or null. */
    public Uni<TokenPolicyState> find(String tenantId) {
        return pool.preparedQuery("SELECT policy FROM token_policy WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0
                        ? null
                        : codec.fromJson(
                                        rows.iterator()
                                                .next()
                                                .getJsonObject("policy")
                                                .encode()
                                                .getBytes(StandardCharsets.UTF_8),
                                        TokenPolicySet.class)
                                .policy());
    }
}
