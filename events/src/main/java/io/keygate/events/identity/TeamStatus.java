package io.keygate.events.identity;

/** Lifecycle of a team. */
public enum TeamStatus {
    /** Its members manage the applications it owns. */
    ACTIVE,
    /** Deleted: its applications are managed by their owning user, if any, and the tenant's admins. Final. */
    DELETED
}
