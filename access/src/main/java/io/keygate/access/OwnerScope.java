package io.keygate.access;

import java.util.Objects;

/**
 * What a caller may manage within their tenant: everything (the permission table's {@code ✓}), or only what one user
 * owns (its {@code own}, a developer's grant on applications and what belongs to them). The service finishes the
 * check: an owned thing outside the scope answers as if it did not exist.
 *
 * @param ownerId the user whose things are the only ones in scope, or null for everything
 */
public record OwnerScope(String ownerId) {

    /** Everything in the tenant. */
    public static final OwnerScope ALL = new OwnerScope(null);

    /** Only what {@code userId} owns. */
    public static OwnerScope ownedBy(String userId) {
        return new OwnerScope(Objects.requireNonNull(userId, "userId"));
    }

    /** Whether the caller is limited to what they own. */
    public boolean isRestricted() {
        return ownerId != null;
    }

    /** Whether a thing owned by {@code owner} (null: by nobody) is in scope. */
    public boolean admits(String owner) {
        return ownerId == null || ownerId.equals(owner);
    }
}
