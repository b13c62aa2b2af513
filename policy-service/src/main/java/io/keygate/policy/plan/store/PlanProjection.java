package io.keygate.policy.plan.store;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanEvent;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.policy.plan.Plan;
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

/** The {@code api_plan} read model: written in the command's transaction, read by the REST API. */
@ApplicationScoped
public class PlanProjection implements RebuildableProjection {

    private final Pool pool;
    private final EventCodec codec = new EventCodec();

    PlanProjection(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "api_plan";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Plan.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("api_plan");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String planId, List<EventEnvelope<KeygateEvent>> events) {
        PlanState state = Plan.DECIDER.replay(
                events.stream().map(e -> (PlanEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes a plan's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, PlanState plan, long version) {
        return tx.preparedQuery("""
                        INSERT INTO api_plan (plan_id, tenant_id, api_id, status, created_at, version, state)
                        VALUES ($1, $2, $3, $4, $5, $6, ($7::text)::jsonb)
                        ON CONFLICT (plan_id) DO UPDATE SET status = $4, version = $6, state = ($7::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(plan.planId())
                        .addString(plan.tenantId())
                        .addString(plan.apiId())
                        .addString(plan.status().name())
                        .addOffsetDateTime(plan.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(version)
                        .addString(new String(codec.toJson(new PlanCreated(plan)), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    /**
     * A plan's status, or null if the API has no plan with that id, read with a share lock held until {@code tx}
     * ends: a retirement committing meanwhile waits, so no subscription chooses a plan as it is being retired.
     */
    public Uni<PlanStatus> lockStatus(SqlConnection tx, String apiId, String planId) {
        return tx.preparedQuery("SELECT status FROM api_plan WHERE plan_id = $1 AND api_id = $2 FOR SHARE")
                .execute(Tuple.of(planId, apiId))
                .map(rows -> rows.size() == 0
                        ? null
                        : PlanStatus.valueOf(rows.iterator().next().getString("status")));
    }

    /** A plan of an API (active or retired), or null. */
    public Uni<PlanState> find(String apiId, String planId) {
        return pool.preparedQuery(
                        "SELECT plan_id, state::text AS state FROM api_plan WHERE api_id = $1 AND plan_id = $2")
                .execute(Tuple.of(apiId, planId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** An API's plans with the given status, oldest first. */
    public Uni<List<PlanState>> list(String apiId, PlanStatus status, int limit) {
        return pool.preparedQuery("""
                        SELECT plan_id, state::text AS state FROM api_plan WHERE api_id = $1 AND status = $2
                        ORDER BY created_at, plan_id LIMIT $3""")
                .execute(Tuple.of(apiId, status.name(), limit))
                .map(rows -> {
                    List<PlanState> plans = new ArrayList<>();
                    rows.forEach(row -> plans.add(toState(row)));
                    return plans;
                });
    }

    private PlanState toState(Row row) {
        return codec.fromJson(row.getString("state").getBytes(StandardCharsets.UTF_8), PlanCreated.class)
                .plan();
    }
}
