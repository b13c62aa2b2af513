package io.keygate.token.identity.team;

import java.time.Instant;
import java.util.List;

/** Commands on the team aggregate. */
public sealed interface TeamCommand {

    /** The team the command is about. */
    String teamId();

    /** The tenant the caller acts for. */
    String tenantId();

    /** Create a team with a new id; the members must already be checked as users of the tenant. */
    record CreateTeam(String teamId, String tenantId, String name, List<String> memberIds, Instant at)
            implements TeamCommand {}

    /** Rename a team and/or replace its members (null: unchanged); a change to nothing emits nothing. */
    record UpdateTeam(String teamId, String tenantId, String name, List<String> memberIds, Instant at)
            implements TeamCommand {}

    /** Delete a team; deleting a deleted team emits nothing. */
    record DeleteTeam(String teamId, String tenantId, Instant at) implements TeamCommand {}
}
