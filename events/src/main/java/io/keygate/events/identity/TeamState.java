package io.keygate.events.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Full state of a team, carried by every team event: users of one tenant who manage the applications the team owns
 * together (a developer manages the applications they own and their teams' applications).
 *
 * @param teamId    {@code team_} + 32 hex digits
 * @param tenantId  the tenant the team and its members belong to
 * @param name      at most 100 characters
 * @param memberIds the members' user ids, sorted, at most 500
 * @param status    lifecycle
 * @param createdAt creation time
 * @param updatedAt time of the last change
 */
public record TeamState(
        String teamId,
        String tenantId,
        String name,
        List<String> memberIds,
        TeamStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public TeamState {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
