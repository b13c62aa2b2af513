package io.keygate.events.identity;

/**
 * A team was deleted; the applications it owned keep their owning user, if any. Type
 * {@code io.keygate.identity.team-deleted.v1}.
 *
 * @param team the team's state: status {@code DELETED}
 */
public record TeamDeleted(TeamState team) implements TeamEvent {}
