package io.keygate.token.application;

import io.keygate.events.application.ApplicationState;
import java.util.Objects;

/**
 * Which of a tenant's applications, and so which credentials, a caller may manage: all of them (the permission
 * table's {@code ✓}), or only those one user owns (its {@code own}, a developer's grant).
 *
 * @param ownerId the user whose applications are the only ones in scope, or null for every application
 */
public record OwnerScope(String ownerId) {

    /** Every application of the tenant. */
    public static final OwnerScope ALL = new OwnerScope(null);

    /** Only the applications {@code userId} owns. */
    public static OwnerScope ownedBy(String userId) {
        return new OwnerScope(Objects.requireNonNull(userId, "userId"));
    }

    /** Whether the caller is limited to the applications they own. */
    public boolean isRestricted() {
        return ownerId != null;
    }

    /** Whether {@code application} (null: none) is in scope. */
    public boolean admits(ApplicationState application) {
        return ownerId == null || (application != null && ownerId.equals(application.ownerId()));
    }
}
