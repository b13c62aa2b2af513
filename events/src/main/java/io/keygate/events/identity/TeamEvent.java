package io.keygate.events.identity;

import io.keygate.events.KeygateEvent;

/** Events of the team aggregate, published to {@code keygate.identities} keyed by team id, each with the full state. */
public sealed interface TeamEvent extends KeygateEvent permits TeamCreated, TeamUpdated, TeamDeleted {

    /** The team's full state after the event. */
    TeamState team();

    @Override
    default String aggregateId() {
        return team().teamId();
    }

    @Override
    default String tenantId() {
        return team().tenantId();
    }
}
