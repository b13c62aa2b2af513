package io.keygate.policy.application;

import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** The {@code application_owner} table: who owns each application, as its latest event says. */
@ApplicationScoped
public class ApplicationOwners {

    /**
     * An application as far as ownership goes.
     *
     * @param ownerId the owning user, or null when only admins manage it
     * @param teamId  the owning team, whose members manage it too, or null
     * @param deleted whether it is deleted
     */
    public record Owned(String ownerId, String teamId, boolean deleted) {}

    private final Pool pool;

    ApplicationOwners(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records an application's state as of its event {@code version}; an event older than the stored one changes
     * nothing (a replay or a late duplicate).
     */
    public Uni<Void> record(ApplicationState application, long version) {
        return pool.preparedQuery("""
                        INSERT INTO application_owner (application_id, tenant_id, owner_id, deleted, version, updated_at,
                            team_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (application_id) DO UPDATE SET owner_id = $3, deleted = $4, version = $5,
                            updated_at = $6, team_id = $7
                        WHERE application_owner.version < $5""")
                .execute(Tuple.tuple()
                        .addString(application.applicationId())
                        .addString(application.tenantId())
                        .addString(application.ownerId())
                        .addBoolean(application.status() == ApplicationStatus.DELETED)
                        .addLong(version)
                        .addOffsetDateTime(application.updatedAt().atOffset(ZoneOffset.UTC))
                        .addString(application.teamId()))
                .replaceWithVoid();
    }

    /** A tenant's application, or null if none with that id has been heard of. */
    public Uni<Owned> find(String tenantId, String applicationId) {
        return pool.preparedQuery("SELECT owner_id, team_id, deleted FROM application_owner"
                        + " WHERE tenant_id = $1 AND application_id = $2")
                .execute(Tuple.of(tenantId, applicationId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new Owned(row.getString("owner_id"), row.getString("team_id"), row.getBoolean("deleted"));
                });
    }
}
