package io.keygate.access;

import java.util.Objects;
import java.util.Set;

/**
 * What a caller may manage within their tenant: everything (the permission table's {@code ✓}), or only what they own
 * or one of their teams owns (its {@code own}, a developer's grant on applications and what belongs to them). The
 * service finishes the check: an owned thing outside the scope answers as if it did not exist.
 *
 * @param ownerId the user whose things are in scope, or null for everything
 * @param teams   the teams whose things are in scope too (empty when {@code ownerId} is null)
 */
public record OwnerScope(String ownerId, Set<String> teams) {

    /** Everything in the tenant. */
    public static final OwnerScope ALL = new OwnerScope(null, Set.of());

    public OwnerScope {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** Only what {@code userId} owns. */
    public static OwnerScope ownedBy(String userId) {
        return ownedBy(userId, Set.of());
    }

    /** Only what {@code userId} or one of {@code teams} owns. */
    public static OwnerScope ownedBy(String userId, Set<String> teams) {
        return new OwnerScope(Objects.requireNonNull(userId, "userId"), teams);
    }

    /** Whether the caller is limited to what they own. */
    public boolean isRestricted() {
        return ownerId != null;
    }

    /** Whether a thing owned by {@code owner} (null: by nobody) and no team is in scope. */
    public boolean admits(String owner) {
        return admits(owner, null);
    }

    /** Whether a thing owned by {@code owner} and by {@code team} (each null: none) is in scope. */
    public boolean admits(String owner, String team) {
        return ownerId == null || ownerId.equals(owner) || (team != null && teams.contains(team));
    }

    /** Whether the caller belongs to {@code team}, or is not restricted at all. */
    public boolean includesTeam(String team) {
        return ownerId == null || teams.contains(team);
    }
}
