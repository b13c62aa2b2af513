package io.keygate.token.identity.serviceaccount;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.ServiceAccountEvent;
import io.keygate.events.identity.ServiceAccountState;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.store.SchemaScripts;
import io.keygate.token.store.StateJson;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code service_account} read model (written in the command's transaction, read by the REST API), and beside it
 * the keyed hashes of the accounts' secrets, which no event carries.
 */
@ApplicationScoped
public class ServiceAccountProjection implements RebuildableProjection {

    /** A stored account with its secret's keyed hash. */
    public record Authenticatable(ServiceAccountState account, String secretHash) {}

    private final Pool pool;

    ServiceAccountProjection(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(18) StartupEvent startup) {
        pool.query(SchemaScripts.load("/io/keygate/token/identity/serviceaccount/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return "service_account";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(ServiceAccount.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("service_account");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String accountId, List<EventEnvelope<KeygateEvent>> events) {
        ServiceAccountState state = ServiceAccount.DECIDER.replay(
                events.stream().map(e -> (ServiceAccountEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes an account's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, ServiceAccountState account, long version) {
        return tx.preparedQuery("""
                        INSERT INTO service_account (service_account_id, tenant_id, status, created_at, version, state)
                        VALUES ($1, $2, $3, $4, $5, ($6::text)::jsonb)
                        ON CONFLICT (service_account_id) DO UPDATE SET status = $3, version = $5,
                            state = ($6::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(account.serviceAccountId())
                        .addString(account.tenantId())
                        .addString(account.status().name())
                        .addOffsetDateTime(account.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(version)
                        .addString(StateJson.write(account)))
                .replaceWithVoid();
    }

    /** Stores a new account's secret hash, in the creating command's transaction. */
    public Uni<Void> storeSecret(SqlConnection tx, String accountId, String secretHash) {
        return tx.preparedQuery("INSERT INTO service_account_secret (service_account_id, secret_hash) VALUES ($1, $2)")
                .execute(Tuple.of(accountId, secretHash))
                .replaceWithVoid();
    }

    /** An account with its secret hash, or null. */
    public Uni<Authenticatable> authenticatable(String accountId) {
        return pool.preparedQuery("""
                        SELECT a.service_account_id, a.state::text AS state_json, s.secret_hash
                        FROM service_account a JOIN service_account_secret s USING (service_account_id)
                        WHERE a.service_account_id = $1""").execute(Tuple.of(accountId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Authenticatable(toState(row), row.getString("secret_hash"));
        });
    }

    /** A tenant's account, or null. */
    public Uni<ServiceAccountState> find(String tenantId, String accountId) {
        return pool.preparedQuery("""
                        SELECT service_account_id, state::text AS state_json FROM service_account
                        WHERE tenant_id = $1 AND service_account_id = $2""")
                .execute(Tuple.of(tenantId, accountId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** A tenant's accounts, newest first. */
    public Uni<List<ServiceAccountState>> list(String tenantId, int limit) {
        return pool.preparedQuery("""
                        SELECT service_account_id, state::text AS state_json FROM service_account
                        WHERE tenant_id = $1 ORDER BY created_at DESC, service_account_id LIMIT $2""").execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<ServiceAccountState> accounts = new ArrayList<>();
            rows.forEach(row -> accounts.add(toState(row)));
            return accounts;
        });
    }

    private static ServiceAccountState toState(Row row) {
        return StateJson.read(
                row.getString("state_json"), ServiceAccountState.class, row.getString("service_account_id"));
    }
}
