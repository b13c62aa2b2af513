package io.keygate.token.identity.team;

import io.keygate.events.EventEnvelope;
import io.keygate.events.identity.TeamCreated;
import io.keygate.events.identity.TeamDeleted;
import io.keygate.events.identity.TeamEvent;
import io.keygate.events.identity.TeamState;
import io.keygate.events.identity.TeamStatus;
import io.keygate.events.identity.TeamUpdated;
import io.keygate.eventstore.Decider;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.team.TeamCommand.CreateTeam;
import io.keygate.token.identity.team.TeamCommand.DeleteTeam;
import io.keygate.token.identity.team.TeamCommand.UpdateTeam;
import java.util.ArrayList;
import java.util.List;

/** The team aggregate: pure {@link #decide} and {@link #evolve}. */
public final class Team {

    public static final String AGGREGATE_TYPE = "team";
    public static final String ID_FORMAT = "team_[0-9a-f]{32}";
    public static final int MAX_NAME = 100;
    public static final int MAX_MEMBERS = 500;

    public static final Decider<TeamCommand, TeamState, TeamEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Team::decide, Team::evolve);

    private Team() {}

    /** A new team id. */
    public static String newId() {
        return "team_" + EventEnvelope.newEventId().toString().replace("-", "");
    }

    /** The events a command produces from {@code state} (null if the team does not exist). */
    public static List<TeamEvent> decide(TeamCommand command, TeamState state) {
        if (command instanceof CreateTeam create) {
            if (state != null) {
                throw new IdentityRejectedException(
                        new IdentityRejection.Conflict("Team " + create.teamId() + " already exists"));
            }
            return List.of(new TeamCreated(new TeamState(
                    create.teamId(),
                    create.tenantId(),
                    name(create.name()),
                    members(create.memberIds()),
                    TeamStatus.ACTIVE,
                    create.at(),
                    create.at())));
        }
        if (state == null || !state.tenantId().equals(command.tenantId())) {
            throw new IdentityRejectedException(new IdentityRejection.NotFound("Team " + command.teamId()));
        }
        if (command instanceof DeleteTeam delete) {
            if (state.status() == TeamStatus.DELETED) {
                return List.of();
            }
            return List.of(new TeamDeleted(new TeamState(
                    state.teamId(),
                    state.tenantId(),
                    state.name(),
                    state.memberIds(),
                    TeamStatus.DELETED,
                    state.createdAt(),
                    delete.at())));
        }
        UpdateTeam update = (UpdateTeam) command;
        if (state.status() == TeamStatus.DELETED) {
            throw new IdentityRejectedException(
                    new IdentityRejection.Conflict("Team " + state.teamId() + " is deleted"));
        }
        String name = update.name() == null ? state.name() : name(update.name());
        List<String> members = update.memberIds() == null ? state.memberIds() : members(update.memberIds());
        List<String> changed = new ArrayList<>();
        if (!name.equals(state.name())) {
            changed.add("name");
        }
        if (!members.equals(state.memberIds())) {
            changed.add("memberIds");
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of(new TeamUpdated(
                new TeamState(
                        state.teamId(),
                        state.tenantId(),
                        name,
                        members,
                        TeamStatus.ACTIVE,
                        state.createdAt(),
                        update.at()),
                changed));
    }

    /** The state after an event. */
    public static TeamState evolve(TeamState state, TeamEvent event) {
        return event.team();
    }

    private static String name(String requested) {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityRejectedException(new IdentityRejection.InvalidField(
                    "name", "1 to " + MAX_NAME + " characters without control characters"));
        }
        return name;
    }

    private static List<String> members(List<String> requested) {
        List<String> members = requested == null
                ? List.of()
                : requested.stream().distinct().sorted().toList();
        if (members.size() > MAX_MEMBERS) {
            throw new IdentityRejectedException(
                    new IdentityRejection.InvalidField("memberIds", "at most " + MAX_MEMBERS + " members"));
        }
        return members;
    }
}
