package io.keygate.events;

import io.keygate.events.identity.TeamCreated;
import io.keygate.events.identity.TeamDeleted;
import io.keygate.events.identity.TeamState;
import io.keygate.events.identity.TeamStatus;
import io.keygate.events.identity.TeamUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Samples of the team events for {@link SampleEvents}. */
final class TeamSamples {

    static final String TEAM = "team_0123456789abcdef0123456789abcdef";

    private TeamSamples() {}

    static Map<EventType, List<KeygateEvent>> all(Instant t0) {
        TeamState created =
                new TeamState(TEAM, "acme", "Payments", List.of(IdentitySamples.USER), TeamStatus.ACTIVE, t0, t0);
        TeamState renamed = new TeamState(TEAM, "acme", "Payments platform", List.of(), TeamStatus.ACTIVE, t0, t0);
        TeamState deleted = new TeamState(TEAM, "acme", "Payments platform", List.of(), TeamStatus.DELETED, t0, t0);
        return Map.of(
                EventType.TEAM_CREATED, List.of(new TeamCreated(created)),
                EventType.TEAM_UPDATED, List.of(new TeamUpdated(renamed, List.of("name", "memberIds"))),
                EventType.TEAM_DELETED, List.of(new TeamDeleted(deleted)));
    }
}
