package io.keygate.events.policy;

/** Lifecycle of an API. */
public enum ApiStatus {
    /** Listed, may get routes. */
    ACTIVE,
    /** Retired: no longer listed, no routes, cannot change; kept for the record. */
    RETIRED
}
