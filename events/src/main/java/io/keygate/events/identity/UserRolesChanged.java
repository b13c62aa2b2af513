package io.keygate.events.identity;

import java.util.List;

/**
 * A user's roles in the tenant changed. Type {@code io.keygate.identity.user-roles-changed.v1}. Sessions go on: the
 * new roles are in the next access token (at most one access-token lifetime later).
 *
 * @param user          the user's full state after the event
 * @param previousRoles the roles before
 */
public record UserRolesChanged(UserState user, List<TenantRole> previousRoles) implements UserEvent {

    public UserRolesChanged {
        previousRoles = previousRoles == null ? List.of() : List.copyOf(previousRoles);
    }
}
