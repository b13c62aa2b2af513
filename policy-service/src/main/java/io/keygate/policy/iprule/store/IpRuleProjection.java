package io.keygate.policy.iprule.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.IpRuleEvent;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.policy.iprule.IpRule;
import io.keygate.policy.iprule.IpRuleRejectedException;
import io.keygate.policy.iprule.IpRuleRejection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code ip_rule} read model: written in the command's transaction, read by the REST API and the expiry
 * scheduler; rebuildable from the event store. Its partial unique index is what refuses a duplicate active rule.
 */
@ApplicationScoped
public class IpRuleProjection implements RebuildableProjection {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Pool pool;

    IpRuleProjection(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "ip_rule";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(IpRule.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("ip_rule");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String aggregateId, List<EventEnvelope<KeygateEvent>> events) {
        EventEnvelope<KeygateEvent> last = events.get(events.size() - 1);
        return upsert(tx, ((IpRuleEvent) last.data()).rule());
    }

    /** Writes a rule's state; a second active rule for the same scope, action and network fails with Duplicate. */
    public Uni<Void> upsert(SqlConnection tx, IpRuleState rule) {
        return tx.preparedQuery("""
                        INSERT INTO ip_rule (rule_id, scope, tenant_key, action, cidr, status, expires_at, created_at,
                            version, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        ON CONFLICT (rule_id) DO UPDATE SET status = $6, expires_at = $7, version = $9, state = $10""")
                .execute(Tuple.tuple()
                        .addString(rule.ruleId())
                        .addString(rule.scope().name())
                        .addString(tenantKey(rule.tenantId()))
                        .addString(rule.action().name())
                        .addString(rule.cidr())
                        .addString(rule.status().name())
                        .addOffsetDateTime(
                                rule.expiresAt() == null
                                        ? null
                                        : rule.expiresAt().atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(rule.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(rule.version())
                        .addJsonObject(new JsonObject(json(rule))))
                .onFailure(e -> e instanceof PgException pg
                        && UNIQUE_VIOLATION.equals(pg.getSqlState())
                        && "ip_rule_active_unique".equals(pg.getConstraint()))
                .transform(e -> new IpRuleRejectedException(
                        new IpRuleRejection.Duplicate(rule.action().name(), rule.cidr())))
                .replaceWithVoid();
    }

    /** A rule of the scope (and tenant), or null. */
    public Uni<IpRuleState> find(IpRuleScope scope, String tenantId, String ruleId) {
        return pool.preparedQuery("SELECT state FROM ip_rule WHERE rule_id = $1 AND scope = $2 AND tenant_key = $3")
                .execute(Tuple.of(ruleId, scope.name(), tenantKey(tenantId)))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** The rules of a scope (and tenant), oldest first; only active ones unless {@code all}. */
    public Uni<List<IpRuleState>> list(IpRuleScope scope, String tenantId, boolean all, int limit) {
        return pool.preparedQuery("""
                        SELECT state FROM ip_rule WHERE scope = $1 AND tenant_key = $2 AND ($3 OR status = 'ACTIVE')
                        ORDER BY created_at, rule_id LIMIT $4""")
                .execute(Tuple.of(scope.name(), tenantKey(tenantId), all, limit))
                .map(IpRuleProjection::toStates);
    }

    /** Active rules whose expiry is at or before {@code now}, soonest first. */
    public Uni<List<IpRuleState>> findExpiryDue(Instant now, int limit) {
        return pool.preparedQuery("""
                        SELECT state FROM ip_rule WHERE status = 'ACTIVE' AND expires_at <= $1
                        ORDER BY expires_at LIMIT $2""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(IpRuleProjection::toStates);
    }

    private static List<IpRuleState> toStates(RowSet<Row> rows) {
        List<IpRuleState> rules = new ArrayList<>();
        rows.forEach(row -> rules.add(toState(row)));
        return rules;
    }

    private static IpRuleState toState(Row row) {
        try {
            return JSON.readValue(row.getJsonObject("state").encode(), IpRuleState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable ip_rule state", e);
        }
    }

    private static String json(IpRuleState rule) {
        try {
            return JSON.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tenantKey(String tenantId) {
        return tenantId == null ? "" : tenantId;
    }
}
