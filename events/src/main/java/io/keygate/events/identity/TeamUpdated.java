package io.keygate.events.identity;

import java.util.List;

/**
 * A team's name or members changed; members' sessions carry the new membership from their next refresh. Type
 * {@code io.keygate.identity.team-updated.v1}.
 *
 * @param team          the team's full state after the change
 * @param changedFields {@code name} and/or {@code memberIds}
 */
public record TeamUpdated(TeamState team, List<String> changedFields) implements TeamEvent {

    public TeamUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
