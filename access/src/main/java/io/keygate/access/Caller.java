package io.keygate.access;

import io.keygate.events.identity.TenantRole;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, as their verified session token says.
 *
 * @param userId        the user ({@code sub})
 * @param sessionId     the session the token belongs to ({@code sid}); ending the session refuses its tokens
 * @param tenantId      the user's tenant, null for a platform administrator who belongs to none
 * @param roles         the user's roles in that tenant
 * @param platformAdmin whether the user administers the platform: every tenant, every endpoint
 * @param teams         the teams the user belongs to, whose applications they manage with the {@code own} grant
 */
public record Caller(
        String userId,
        String sessionId,
        String tenantId,
        Set<TenantRole> roles,
        boolean platformAdmin,
        Set<String> teams) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = Set.copyOf(roles);
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** A caller in no team. */
    public Caller(String userId, String sessionId, String tenantId, Set<TenantRole> roles, boolean platformAdmin) {
        this(userId, sessionId, tenantId, roles, platformAdmin, Set.of());
    }

    /** The tenant, if the caller belongs to one. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenantId);
    }

    /** Whether the caller belongs to {@code tenant}. */
    public boolean isMemberOf(String tenant) {
        return tenantId != null && tenantId.equals(tenant);
    }
}
