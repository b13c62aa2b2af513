package io.keygate.token.identity.team;

import io.keygate.events.identity.TeamState;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.store.TenantProjection;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.team.TeamCommand.CreateTeam;
import io.keygate.token.identity.team.TeamCommand.DeleteTeam;
import io.keygate.token.identity.team.TeamCommand.UpdateTeam;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Teams of a tenant (an admin's commands). Members must be users of the tenant, active or invited; a member's
 * sessions carry the membership in their {@code teams} claim from their next start or refresh.
 */
@ApplicationScoped
public class TeamService {

    private final EventStore store;
    private final TeamProjection teams;
    private final TenantProjection tenants;
    private final UserProjection users;
    private final Clock clock = Clock.systemUTC();

    TeamService(EventStore store, TeamProjection teams, TenantProjection tenants, UserProjection users) {
        this.store = store;
        this.teams = teams;
        this.tenants = tenants;
        this.users = users;
    }

    /** Creates a team in an existing tenant. */
    public Uni<TeamState> create(
            String tenantId, String name, List<String> memberIds, String actor, RequestOrigin origin) {
        Instant now = now();
        return tenants.find(tenantId)
                .invoke(tenant -> {
                    if (tenant == null) {
                        throw new IdentityRejectedException(new IdentityRejection.NotFound("Tenant " + tenantId));
                    }
                })
                .chain(() -> requireMembers(tenantId, memberIds))
                .chain(() -> store.create(
                        Team.DECIDER,
                        new CreateTeam(Team.newId(), tenantId, name, memberIds, now),
                        origin.metadata(now, actor),
                        (tx, decision) -> teams.upsert(tx, decision.state(), decision.version())))
                .map(Decision::state);
    }

    /** Renames a team and/or replaces its members (null: unchanged). */
    public Uni<TeamState> update(
            String tenantId, String teamId, String name, List<String> memberIds, String actor, RequestOrigin origin) {
        Instant now = now();
        return requireMembers(tenantId, memberIds)
                .chain(() -> store.execute(
                        Team.DECIDER,
                        teamId,
                        new UpdateTeam(teamId, tenantId, name, memberIds, now),
                        origin.metadata(now, actor),
                        (tx, decision) -> teams.upsert(tx, decision.state(), decision.version())))
                .map(Decision::state);
    }

    /** Deletes a team; its applications keep their owning user. */
    public Uni<TeamState> delete(String tenantId, String teamId, String actor, RequestOrigin origin) {
        Instant now = now();
        return store.execute(
                        Team.DECIDER,
                        teamId,
                        new DeleteTeam(teamId, tenantId, now),
                        origin.metadata(now, actor),
                        (tx, decision) -> teams.upsert(tx, decision.state(), decision.version()))
                .map(Decision::state);
    }

    private Uni<Void> requireMembers(String tenantId, List<String> memberIds) {
        if (memberIds == null || memberIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> distinct = memberIds.stream().distinct().toList();
        return users.findAll(distinct)
                .invoke(found -> {
                    for (String userId : distinct) {
                        if (!isLiveMember(found.get(userId), tenantId)) {
                            throw new IdentityRejectedException(new IdentityRejection.InvalidField(
                                    "memberIds", userId + " is not an active or invited user of tenant " + tenantId));
                        }
                    }
                })
                .replaceWithVoid();
    }

    private static boolean isLiveMember(UserState user, String tenantId) {
        return user != null
                && tenantId.equals(user.tenantId())
                && (user.status() == UserStatus.ACTIVE || user.status() == UserStatus.INVITED);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
