package io.keygate.token.tokenpolicy.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.events.EventCodec;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.token.apikey.store.DueApiKey;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tenant_token_policy} table: each tenant's token policy as last received from
 * {@code keygate.policies}, keyed by tenant and kept only if its version is higher than the stored one (so a
 * redelivered or out-of-date event changes nothing), and how far existing keys were aligned with it. Not a
 * projection of this service's event store: it is rebuilt by replaying the topic.
 */
@ApplicationScoped
public class TenantTokenPolicyStore {

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    TenantTokenPolicyStore(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(16) StartupEvent startup) {
        pool.query("""
                        CREATE TABLE IF NOT EXISTS tenant_token_policy (
                            tenant_id       text   PRIMARY KEY,
                            version         bigint NOT NULL,
                            event_id        text   NOT NULL,
                            policy          jsonb  NOT NULL,
                            aligned_version bigint NOT NULL DEFAULT 0
                        )""").execute().await().atMost(Duration.ofSeconds(30));
    }

    /**
     * Stores a policy unless the stored one has the same or a higher version.
     *
     * @return whether it was stored (false: a redelivery or an older version)
     */
    public Uni<Boolean> save(TokenPolicyState policy, String eventId) {
        String json = new String(codec.toJson(new TokenPolicySet(policy)), StandardCharsets.UTF_8);
        return pool.preparedQuery("""
                        INSERT INTO tenant_token_policy (tenant_id, version, event_id, policy) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (tenant_id) DO UPDATE SET version = $2, event_id = $3, policy = $4
                        WHERE tenant_token_policy.version < $2""")
                .execute(Tuple.of(policy.tenantId(), policy.version(), eventId, new JsonObject(json)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Tenants' policies (a commit group's) read in the caller's transaction with a share lock, in one statement, so a
     * new policy cannot commit between this check and the keys' commit (and the alignment that follows it sees the
     * keys); a tenant without a policy is absent from the answer.
     */
    public Uni<Map<String, PolicyRead>> findAllForShare(SqlConnection tx, Collection<String> tenantIds) {
        return tx.preparedQuery(
                        "SELECT tenant_id, policy FROM tenant_token_policy WHERE tenant_id = ANY($1::text[]) FOR SHARE")
                .execute(Tuple.tuple().addArrayOfString(tenantIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, PolicyRead> policies = new HashMap<>();
                    for (Row row : rows) {
                        PolicyRead read;
                        try {
                            read = new PolicyRead(policyOf(row), null);
                        } catch (RuntimeException unreadable) {
                            read = new PolicyRead(null, unreadable);
                        }
                        policies.put(row.getString("tenant_id"), read);
                    }
                    return policies;
                });
    }

    /**
     * A policy read for several commands at once: the policy, or why its stored form could not be read, which fails
     * only the commands of its tenant (as each would have failed reading it alone).
     */
    public record PolicyRead(TokenPolicyState policy, RuntimeException unreadable) {

        /** The policy; throws what made it unreadable. */
        public TokenPolicyState get() {
            if (unreadable != null) {
                throw unreadable;
            }
            return policy;
        }
    }

    /** A tenant's policy, or null. */
    public Uni<TenantTokenPolicy> find(String tenantId) {
        return pool.preparedQuery("SELECT * FROM tenant_token_policy WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? null : toPolicy(rows.iterator().next()));
    }

    /** Policies whose keys have not all been aligned with their current version. */
    public Uni<List<TenantTokenPolicy>> findUnaligned(int limit) {
        return pool.preparedQuery(
                        "SELECT * FROM tenant_token_policy WHERE aligned_version < version ORDER BY tenant_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(this::toPolicies);
    }

    /** Policies with a maximum key age: their keys age into warnings and forced expiry with time alone. */
    public Uni<List<TenantTokenPolicy>> findWithMaxKeyAge() {
        return pool.preparedQuery(
                        "SELECT * FROM tenant_token_policy WHERE policy->'policy'->>'maxKeyAge' IS NOT NULL ORDER BY tenant_id")
                .execute()
                .map(this::toPolicies);
    }

    /** Records that every active key complies with {@code version} (unless a newer version arrived meanwhile). */
    public Uni<Void> markAligned(String tenantId, long version) {
        return pool.preparedQuery(
                        "UPDATE tenant_token_policy SET aligned_version = $2 WHERE tenant_id = $1 AND version = $2")
                .execute(Tuple.of(tenantId, version))
                .replaceWithVoid();
    }

    /** A tenant's active keys after {@code afterKeyId} in key order: one batch of an alignment pass. */
    public Uni<List<DueApiKey>> activeKeys(String tenantId, String afterKeyId, int limit) {
        return pool.preparedQuery("""
                        SELECT tenant_id, key_id FROM api_key WHERE tenant_id = $1 AND status = 'ACTIVE' AND key_id > $2
                        ORDER BY key_id LIMIT $3""")
                .execute(Tuple.of(tenantId, afterKeyId, limit))
                .map(TenantTokenPolicyStore::keys);
    }

    /**
     * A tenant's active keys whose secret was issued at or before {@code warnBefore} and that were not warned
     * yet, or (with {@code force}) at or before {@code expireBefore}: the keys a rotation-age pass must handle.
     */
    public Uni<List<DueApiKey>> agingKeys(
            String tenantId, Instant warnBefore, boolean force, Instant expireBefore, int limit) {
        return pool.preparedQuery("""
                        SELECT tenant_id, key_id FROM api_key,
                            LATERAL (SELECT COALESCE((state->>'secretIssuedAt')::timestamptz, created_at) AS issued) s
                        WHERE tenant_id = $1 AND status = 'ACTIVE' AND s.issued <= $2
                          AND (state->>'rotationDueNotifiedAt' IS NULL OR ($3 AND s.issued <= $4))
                        ORDER BY s.issued LIMIT $5""")
                .execute(Tuple.of(tenantId, utc(warnBefore), force, utc(expireBefore), limit))
                .map(TenantTokenPolicyStore::keys);
    }

    private static List<DueApiKey> keys(RowSet<Row> rows) {
        List<DueApiKey> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(new DueApiKey(row.getString("tenant_id"), row.getString("key_id"))));
        return keys;
    }

    private List<TenantTokenPolicy> toPolicies(RowSet<Row> rows) {
        List<TenantTokenPolicy> policies = new ArrayList<>();
        rows.forEach(row -> policies.add(toPolicy(row)));
        return policies;
    }

    private TenantTokenPolicy toPolicy(Row row) {
        return new TenantTokenPolicy(policyOf(row), row.getString("event_id"), row.getLong("aligned_version"));
    }

    private TokenPolicyState policyOf(Row row) {
        byte[] json = row.getJsonObject("policy").encode().getBytes(StandardCharsets.UTF_8);
        return codec.fromJson(json, TokenPolicySet.class).policy();
    }
}
