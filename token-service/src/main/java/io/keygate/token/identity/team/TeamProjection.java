package io.keygate.token.identity.team;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.TeamEvent;
import io.keygate.events.identity.TeamState;
import io.keygate.events.identity.TeamStatus;
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

/** The {@code team} read model and its {@code team_member} index: written in the command's transaction. */
@ApplicationScoped
public class TeamProjection implements RebuildableProjection {

    private final Pool pool;

    TeamProjection(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(18) StartupEvent startup) {
        pool.query(SchemaScripts.load("/io/keygate/token/identity/team/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return "team";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Team.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("team", "team_member");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String teamId, List<EventEnvelope<KeygateEvent>> events) {
        TeamState state = Team.DECIDER.replay(
                events.stream().map(e -> (TeamEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes a team's state and its members after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, TeamState team, long version) {
        List<String> members = team.status() == TeamStatus.ACTIVE ? team.memberIds() : List.of();
        return tx.preparedQuery("""
                        INSERT INTO team (team_id, tenant_id, status, created_at, version, state)
                        VALUES ($1, $2, $3, $4, $5, ($6::text)::jsonb)
                        ON CONFLICT (team_id) DO UPDATE SET status = $3, version = $5, state = ($6::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(team.teamId())
                        .addString(team.tenantId())
                        .addString(team.status().name())
                        .addOffsetDateTime(team.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(version)
                        .addString(StateJson.write(team)))
                .chain(() -> tx.preparedQuery("DELETE FROM team_member WHERE team_id = $1")
                        .execute(Tuple.of(team.teamId())))
                .chain(() -> tx.preparedQuery(
                                "INSERT INTO team_member (team_id, user_id) SELECT $1, unnest($2::text[])")
                        .execute(Tuple.of(team.teamId(), members.toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** A tenant's team (live or deleted), or null. */
    public Uni<TeamState> find(String tenantId, String teamId) {
        return pool.preparedQuery(
                        "SELECT team_id, state::text AS state_json FROM team WHERE tenant_id = $1 AND team_id = $2")
                .execute(Tuple.of(tenantId, teamId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** A tenant's live teams, oldest first. */
    public Uni<List<TeamState>> list(String tenantId, int limit) {
        return pool.preparedQuery("""
                        SELECT team_id, state::text AS state_json FROM team WHERE tenant_id = $1 AND status = 'ACTIVE'
                        ORDER BY created_at, team_id LIMIT $2""").execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<TeamState> teams = new ArrayList<>();
            rows.forEach(row -> teams.add(toState(row)));
            return teams;
        });
    }

    /** The live teams a user belongs to, for the teams claim of their session tokens. */
    public Uni<List<String>> teamsOf(String userId) {
        return pool.preparedQuery("SELECT team_id FROM team_member WHERE user_id = $1 ORDER BY team_id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<String> teams = new ArrayList<>();
                    rows.forEach(row -> teams.add(row.getString("team_id")));
                    return teams;
                });
    }

    private static TeamState toState(Row row) {
        return StateJson.read(row.getString("state_json"), TeamState.class, row.getString("team_id"));
    }
}
