package io.keygate.policy.subscription.store;

import io.keygate.access.OwnerScope;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.SubscriptionEvent;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.policy.subscription.Subscription;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code subscription} read model (its table is created with the plans'): written in the command's
 * transaction, read by the REST API. Its unique index on live application × API pairs is what refuses a second
 * live subscription, race-free.
 */
@ApplicationScoped
public class SubscriptionProjection implements RebuildableProjection {

    private static final String LIVE_PAIR_INDEX = "subscription_live_pair";

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    SubscriptionProjection(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "subscription";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Subscription.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("subscription");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String subscriptionId, List<EventEnvelope<KeygateEvent>> events) {
        SubscriptionState state = Subscription.DECIDER.replay(
                events.stream().map(e -> (SubscriptionEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes a subscription's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, SubscriptionState subscription, long version) {
        return tx.preparedQuery("""
                        INSERT INTO subscription (subscription_id, tenant_id, application_id, api_id, api_tenant_id,
                            plan_id, status, created_at, version, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ($10::text)::jsonb)
                        ON CONFLICT (subscription_id) DO UPDATE SET status = $7, version = $9,
                            state = ($10::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(subscription.subscriptionId())
                        .addString(subscription.tenantId())
                        .addString(subscription.applicationId())
                        .addString(subscription.apiId())
                        .addString(subscription.apiTenantId())
                        .addString(subscription.planId())
                        .addString(subscription.status().name())
                        .addOffsetDateTime(subscription.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(version)
                        .addString(new String(
                                codec.toJson(new SubscriptionRequested(subscription)), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    /** Whether a write failed because the pair already has a live subscription. */
    public static boolean isLivePairTaken(Throwable failure) {
        return failure instanceof PgException pg
                && "23505".equals(pg.getSqlState())
                && LIVE_PAIR_INDEX.equals(pg.getConstraint());
    }

    /** A subscription by id, or null. */
    public Uni<SubscriptionState> find(String subscriptionId) {
        return pool.preparedQuery(
                        "SELECT subscription_id, state::text AS state FROM subscription WHERE subscription_id = $1")
                .execute(Tuple.of(subscriptionId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /**
     * A tenant's subscriptions, newest first, optionally of one application and in one status.
     *
     * @param scope only those of the applications in the caller's scope (their own and their teams')
     */
    public Uni<List<SubscriptionState>> listOfTenant(
            String tenantId, OwnerScope scope, String applicationId, SubscriptionStatus status, int limit) {
        return pool.preparedQuery("""
                        SELECT subscription_id, state::text AS state FROM subscription
                        WHERE tenant_id = $1 AND ($2::text IS NULL OR application_id = $2)
                            AND ($3::text IS NULL OR status = $3)
                            AND ($5::text IS NULL OR application_id IN (
                                SELECT application_id FROM application_owner WHERE tenant_id = $1
                                    AND (owner_id = $5 OR team_id = ANY($6::text[]))))
                        ORDER BY created_at DESC, subscription_id LIMIT $4""")
                .execute(Tuple.tuple()
                        .addString(tenantId)
                        .addString(applicationId)
                        .addString(status == null ? null : status.name())
                        .addInteger(limit)
                        .addString(scope.ownerId())
                        .addArrayOfString(scope.teams().toArray(String[]::new)))
                .map(this::all);
    }

    /** The subscriptions to an API, newest first, optionally in one status (e.g. those waiting for approval). */
    public Uni<List<SubscriptionState>> listOfApi(
            String apiTenantId, String apiId, SubscriptionStatus status, int limit) {
        return pool.preparedQuery("""
                        SELECT subscription_id, state::text AS state FROM subscription
                        WHERE api_id = $1 AND api_tenant_id = $2 AND ($3::text IS NULL OR status = $3)
                        ORDER BY created_at DESC, subscription_id LIMIT $4""")
                .execute(Tuple.of(apiId, apiTenantId, status == null ? null : status.name(), limit))
                .map(this::all);
    }

    private List<SubscriptionState> all(RowSet<Row> rows) {
        List<SubscriptionState> subscriptions = new ArrayList<>();
        rows.forEach(row -> subscriptions.add(toState(row)));
        return subscriptions;
    }

    private SubscriptionState toState(Row row) {
        return codec.fromJson(row.getString("state").getBytes(StandardCharsets.UTF_8), SubscriptionRequested.class)
                .subscription();
    }
}
