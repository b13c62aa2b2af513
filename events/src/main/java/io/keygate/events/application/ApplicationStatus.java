package io.keygate.events.application;

/** Lifecycle state of an application. */
public enum ApplicationStatus {
    /** Credentials may be issued for it. */
    ACTIVE,
    /**
     * Deleted: no new credentials, and every credential it had is revoked (each by its own revocation
     * event, which follows the deletion). Kept, not erased, so the audit trail can still name it.
     */
    DELETED
}
