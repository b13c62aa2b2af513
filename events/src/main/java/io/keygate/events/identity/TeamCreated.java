package io.keygate.events.identity;

/**
 * A team was created. Type {@code io.keygate.identity.team-created.v1}.
 *
 * @param team the team's state: status {@code ACTIVE}
 */
public record TeamCreated(TeamState team) implements TeamEvent {}
