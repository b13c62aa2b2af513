package io.keygate.token.application.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.access.OwnerScope;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.application.ApplicationEvent;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.application.Application;
import io.keygate.token.application.TenantApplication;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code application} read model: written in the command's transaction, read by the REST API. */
@ApplicationScoped
public class ApplicationProjection implements RebuildableProjection {

    private final Pool pool;

    ApplicationProjection(Pool pool) {
        this.pool = pool;
    }

    /** After the API-key (15) and OAuth (16) schemas: this one indexes their tables for the sweeper. */
    void createSchema(@Observes @Priority(17) StartupEvent startup) {
        pool.query(SchemaScripts.load("/io/keygate/token/application/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return "application";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Application.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("application");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String applicationId, List<EventEnvelope<KeygateEvent>> events) {
        ApplicationState state = Application.replay(
                events.stream().map(e -> (ApplicationEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes an application's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, ApplicationState application, long version) {
        return tx.preparedQuery("""
                        INSERT INTO application (application_id, tenant_id, name, status, created_at, updated_at,
                            deleted_at, version, state, owner_id, team_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::text)::jsonb, $10, $11)
                        ON CONFLICT (application_id) DO UPDATE SET name = $3, status = $4, updated_at = $6,
                            deleted_at = $7, version = $8, state = ($9::text)::jsonb, owner_id = $10, team_id = $11""")
                .execute(Tuple.tuple()
                        .addString(application.applicationId())
                        .addString(application.tenantId())
                        .addString(application.name())
                        .addString(application.status().name())
                        .addOffsetDateTime(utc(application.createdAt()))
                        .addOffsetDateTime(utc(application.updatedAt()))
                        .addOffsetDateTime(utc(application.deletedAt()))
                        .addLong(version)
                        .addString(StateJson.write(application))
                        .addString(application.ownerId())
                        .addString(application.teamId()))
                .replaceWithVoid();
    }

    /**
     * The status of a tenant's application, or null if the tenant has none with that id, read with a share
     * lock held until {@code tx} ends: a deletion committing meanwhile waits for {@code tx}, and one that
     * committed before is seen. So a credential checked this way never slips in after its application's
     * deletion unnoticed by the sweep that follows it.
     */
    public Uni<ApplicationStatus> lockStatus(SqlConnection tx, String tenantId, String applicationId) {
        return tx.preparedQuery("SELECT status FROM application WHERE application_id = $1 AND tenant_id = $2 FOR SHARE")
                .execute(Tuple.of(applicationId, tenantId))
                .map(rows -> rows.size() == 0
                        ? null
                        : ApplicationStatus.valueOf(rows.iterator().next().getString("status")));
    }

    /**
     * The statuses of several applications (a commit group's credentials'), each row share-locked as by
     * {@link #lockStatus}, in one statement, as stored (each credential's check decodes its own application's, so an
     * unknown status fails only the credentials naming it); an application that does not exist in its tenant is
     * absent from the answer.
     */
    public Uni<Map<TenantApplication, String>> lockStatuses(SqlConnection tx, Collection<TenantApplication> wanted) {
        String[] tenantIds = new String[wanted.size()];
        String[] applicationIds = new String[wanted.size()];
        int i = 0;
        for (TenantApplication application : wanted) {
            tenantIds[i] = application.tenantId();
            applicationIds[i++] = application.applicationId();
        }
        return tx.preparedQuery("""
                        SELECT a.tenant_id, a.application_id, a.status FROM application a
                        JOIN unnest($1::text[], $2::text[]) AS w(tenant_id, application_id)
                            ON a.application_id = w.application_id AND a.tenant_id = w.tenant_id
                        FOR SHARE OF a""")
                .execute(Tuple.tuple().addArrayOfString(tenantIds).addArrayOfString(applicationIds))
                .map(rows -> {
                    Map<TenantApplication, String> statuses = new HashMap<>();
                    for (Row row : rows) {
                        statuses.put(
                                new TenantApplication(row.getString("tenant_id"), row.getString("application_id")),
                                row.getString("status"));
                    }
                    return statuses;
                });
    }

    /** A tenant's application (active or deleted), or null. */
    public Uni<ApplicationState> find(String tenantId, String applicationId) {
        return pool.preparedQuery("""
                        SELECT application_id, state::text AS state_json FROM application
                        WHERE tenant_id = $1 AND application_id = $2""")
                .execute(Tuple.of(tenantId, applicationId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /**
     * A tenant's applications with the given status, newest first.
     *
     * @param scope only those in the caller's scope (their own and their teams')
     */
    public Uni<List<ApplicationState>> list(String tenantId, OwnerScope scope, ApplicationStatus status, int limit) {
        return pool.preparedQuery("""
                        SELECT application_id, state::text AS state_json FROM application
                        WHERE tenant_id = $1 AND status = $2
                            AND ($3::text IS NULL OR owner_id = $3 OR team_id = ANY($5::text[]))
                        ORDER BY created_at DESC, application_id LIMIT $4""")
                .execute(Tuple.tuple()
                        .addString(tenantId)
                        .addString(status.name())
                        .addString(scope.ownerId())
                        .addInteger(limit)
                        .addArrayOfString(scope.teams().toArray(String[]::new)))
                .map(rows -> {
                    List<ApplicationState> applications = new ArrayList<>();
                    rows.forEach(row -> applications.add(toState(row)));
                    return applications;
                });
    }

    private static ApplicationState toState(Row row) {
        return StateJson.read(row.getString("state_json"), ApplicationState.class, row.getString("application_id"));
    }
}
